// The direct path end to end in Node: the background's direct wallet → the private link port
// → the host (as in the offscreen document) → a port to "MetaMask" → the MetaMask test
// double (MetaMask's stream packages, a real viem account). Every error is the flow's AppError.
import { describe, expect, it } from 'vitest';
import { toHex, verifyMessage, type Hex } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { AppException } from '../../../../lib/errors';
import { createDirectWallet } from '../../../../lib/wallet/direct/direct-wallet';
import { createDirectHost } from '../../../../lib/wallet/direct/host';
import { directLinkOverPort, serveDirectHost } from '../../../../lib/wallet/direct/link';
import { directWalletIds } from '../../../../lib/wallet/direct/metamask-ids';
import { DOUBLE_CHROME_ID } from '../../../wallets/metamask-double/identity';
import { portPair } from '../../../wallets/metamask-double/port-pair';
import { createDouble, type DoubleMode, type DoublePort } from '../../../wallets/metamask-double/serve';

const FIRST: Hex = '0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d';
const SECOND: Hex = '0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a';
const first = privateKeyToAccount(FIRST).address;
const second = privateKeyToAccount(SECOND).address;
const TOKEN = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ0ZXN0In0.c2lnbmF0dXJl';

/** A port to an extension that is not installed: it closes at once, as Chrome's does. */
function missingPort(): DoublePort {
  const [ours, theirs] = portPair();
  theirs.disconnect();
  return ours;
}

const noRpc: typeof fetch = () => Promise.reject(new Error('an EOA signature is checked offline'));

function setup(options: { installed?: boolean; mode?: DoubleMode; probeMs?: number } = {}) {
  const double = createDouble({ first: FIRST, second: SECOND });
  double.state.mode = options.mode ?? 'approve';
  const connects: string[] = [];
  const host = createDirectHost({
    ids: directWalletIds('chrome', { testIds: true, override: DOUBLE_CHROME_ID }),
    probeMs: options.probeMs ?? 2_000,
    connect(id) {
      connects.push(id);
      if (id !== DOUBLE_CHROME_ID || options.installed === false) return missingPort();
      const [ours, theirs] = portPair();
      double.serve(theirs);
      return ours;
    },
  });
  const link = directLinkOverPort(() => {
    const [background, document] = portPair();
    serveDirectHost(document, host);
    return background;
  });
  const wallet = createDirectWallet({ link, rpcUrl: 'http://127.0.0.1:9/', fetchFn: noRpc });
  return { double, host, wallet, connects };
}

const codeOf = async (promise: Promise<unknown>): Promise<string> => {
  try {
    await promise;
    return 'resolved';
  } catch (error) {
    expect(error).toBeInstanceOf(AppException);
    expect(JSON.stringify((error as AppException).toJSON())).not.toContain(toHex(TOKEN).slice(2, 40));
    return (error as AppException).toJSON().code;
  }
};

describe('the direct MetaMask wallet', () => {
  it('finds the wallet, connects and signs once with no tab; the signature is the account\'s', async () => {
    const { wallet, double } = setup();
    expect((await wallet.available())?.id).toBe(DOUBLE_CHROME_ID);
    const { address } = await wallet.connect();
    expect(address).toBe(first);
    const signature = await wallet.sign(TOKEN, address);
    expect(await verifyMessage({ address: first, message: TOKEN, signature })).toBe(true);
    expect(double.state.signRequests).toBe(1);
    expect(double.openPorts).toBe(1);
  });

  it('a declined signature is WALLET_REJECTED, asked once', async () => {
    const { wallet, double } = setup();
    const { address } = await wallet.connect();
    double.state.mode = 'reject';
    expect(await codeOf(wallet.sign(TOKEN, address))).toBe('WALLET_REJECTED');
    expect(double.state.signRequests).toBe(1);
  });

  it('a locked wallet is WALLET_LOCKED at connect and at sign', async () => {
    const { wallet, double } = setup({ mode: 'locked' });
    expect(await codeOf(wallet.connect())).toBe('WALLET_LOCKED');
    double.state.mode = 'approve';
    const { address } = await wallet.connect();
    double.state.mode = 'locked';
    expect(await codeOf(wallet.sign(TOKEN, address))).toBe('WALLET_LOCKED');
    expect(double.state.signRequests).toBe(0);
  });

  it('an account switch is WALLET_ACCOUNT_CHANGED before anything is signed, and is announced', async () => {
    const { wallet, double } = setup();
    const seen: Array<string | undefined> = [];
    wallet.onAccountsChanged((address) => seen.push(address));
    const { address } = await wallet.connect();
    double.state.mode = 'switch';
    expect(await codeOf(wallet.sign(TOKEN, address))).toBe('WALLET_ACCOUNT_CHANGED');
    expect(double.state.signRequests).toBe(0);
    await expect.poll(() => seen).toContain(second);
  });

  it('no MetaMask installed: WALLET_NOT_FOUND, after trying every id once', async () => {
    const { wallet, connects } = setup({ installed: false });
    expect(await wallet.available()).toBeUndefined();
    expect(await codeOf(wallet.connect())).toBe('WALLET_NOT_FOUND');
    expect(connects.slice(0, 4)).toEqual([DOUBLE_CHROME_ID, 'nkbihfbeogaeaoehlefnkodbefgpgknn', 'pbbkamfgmaedccnfkmjcofcecjhfgldn', 'ljfoeinjpaedjfecbmggjgodbgkmjkjk']);
  });

  it('a wallet that goes away mid-signature fails the request instead of leaving it pending', async () => {
    const { wallet, double, host } = setup();
    const { address } = await wallet.connect();
    double.state.mode = 'silent';
    const signing = wallet.sign(TOKEN, address);
    await expect.poll(() => double.state.signRequests).toBe(1);
    host.close();
    expect(await codeOf(signing)).toBe('WALLET_LOCKED');
  });
});

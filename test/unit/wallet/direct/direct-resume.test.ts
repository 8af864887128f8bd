// A worker restart while MetaMask shows a signature request, in Node: the background's
// wallet → its private port → the host (which, in the offscreen document, outlives the worker)
// → the MetaMask test double holding the request for the person. The old worker's port
// closes; the restarted worker's wallet resumes the request instead of asking again.
import { describe, expect, it } from 'vitest';
import { verifyMessage, type Hex } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { AppException } from '../../../../lib/errors';
import { createDirectWallet } from '../../../../lib/wallet/direct/direct-wallet';
import { createDirectHost } from '../../../../lib/wallet/direct/host';
import { directLinkOverPort, serveDirectHost } from '../../../../lib/wallet/direct/link';
import { directWalletIds } from '../../../../lib/wallet/direct/metamask-ids';
import { DOUBLE_CHROME_ID } from '../../../wallets/metamask-double/identity';
import { portPair } from '../../../wallets/metamask-double/port-pair';
import { createDouble, type DoublePort } from '../../../wallets/metamask-double/serve';

const FIRST: Hex = '0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d';
const SECOND: Hex = '0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a';
const first = privateKeyToAccount(FIRST).address;
const second = privateKeyToAccount(SECOND).address;
const TOKEN = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJyZXN1bWUifQ.c2lnbmF0dXJl';
const OTHER_TOKEN = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJuZXcifQ.c2lnbmF0dXJl';
const noRpc: typeof fetch = () => Promise.reject(new Error('an EOA signature is checked offline'));

function setup(orphanMs?: number) {
  const double = createDouble({ first: FIRST, second: SECOND });
  const host = createDirectHost({
    ids: directWalletIds('chrome', { testIds: true, override: DOUBLE_CHROME_ID }),
    probeMs: 2_000,
    orphanMs,
    connect() {
      const [ours, theirs] = portPair();
      double.serve(theirs);
      return ours;
    },
  });
  /** One service worker's life: its wallet, and a way to stop it (its port to the host closes). */
  const worker = () => {
    let port: DoublePort | undefined;
    const link = directLinkOverPort(() => {
      const [background, document] = portPair();
      serveDirectHost(document, host);
      port = background;
      return background;
    });
    return { wallet: createDirectWallet({ link, rpcUrl: 'http://127.0.0.1:9/', fetchFn: noRpc }), stop: () => port?.disconnect() };
  };
  return { double, host, worker };
}

/** A worker that connected and asked for a signature the double holds, then stopped. */
async function orphaned(orphanMs?: number) {
  const s = setup(orphanMs);
  const old = s.worker();
  const { address } = await old.wallet.connect();
  s.double.state.mode = 'hold';
  void old.wallet.sign(TOKEN, address).catch(() => undefined);
  await expect.poll(() => s.double.state.held).toBe(1);
  old.stop();
  await new Promise((resolve) => setTimeout(resolve, 5));
  return { ...s, address };
}

describe('the direct path after a worker restart mid-signature', () => {
  it('the restarted worker resumes the request the wallet still held: one request, its token and signature', async () => {
    const { double, worker, address } = await orphaned();
    const resumed = worker().wallet.resume(address);
    expect(double.answerHeld('approve')).toBe(1);
    const held = await resumed;
    expect(held?.message).toBe(TOKEN);
    expect(await verifyMessage({ address: first, message: TOKEN, signature: held!.signature })).toBe(true);
    expect(double.state.signRequests).toBe(1);
  });

  it('an answer given while no worker ran is kept until the next one asks, and handed out once', async () => {
    const { double, worker, address } = await orphaned();
    double.answerHeld('approve');
    await new Promise((resolve) => setTimeout(resolve, 5));
    const next = worker();
    expect((await next.wallet.resume(address))?.message).toBe(TOKEN);
    expect(await next.wallet.resume(address)).toBeUndefined();
    expect(await worker().wallet.resume(address)).toBeUndefined();
  });

  it('a declined request resumes as WALLET_REJECTED (nothing to mint)', async () => {
    const { double, worker, address } = await orphaned();
    const resumed = worker().wallet.resume(address);
    double.answerHeld('reject');
    await expect(resumed).rejects.toSatisfy((e) => e instanceof AppException && e.toJSON().code === 'WALLET_REJECTED');
  });

  it('nothing to resume: for another address, with no request left, or after a new signature request', async () => {
    const { double, worker, address } = await orphaned();
    const next = worker();
    expect(await next.wallet.resume(second)).toBeUndefined();
    // A new Mint asks anew: the orphan is dropped (its answer goes nowhere), the new request is answered.
    double.state.mode = 'approve';
    const signature = await next.wallet.sign(OTHER_TOKEN, address);
    expect(await verifyMessage({ address: first, message: OTHER_TOKEN, signature })).toBe(true);
    double.answerHeld('approve');
    expect(await next.wallet.resume(address)).toBeUndefined();
    expect(await setup().worker().wallet.resume(address)).toBeUndefined();
  });

  it('an orphan nobody resumes is dropped after orphanMs', async () => {
    const { double, worker, address } = await orphaned(20);
    double.answerHeld('approve');
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(await worker().wallet.resume(address)).toBeUndefined();
  });
});

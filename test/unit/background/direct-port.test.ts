// The direct MetaMask beside the signing tab, as one mint WalletPort (entrypoints/background/
// direct-port.ts): found → used with no tab, listed first; a page wallet asked for → the tab;
// the signature goes through the path the flow connected with.
import { describe, expect, it, vi } from 'vitest';
import { verifyMessage, type Hex } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { withDirectWallet } from '../../../entrypoints/background/direct-port';
import type { WalletPort } from '../../../lib/mint/deps';
import { DIRECT_WALLET_REF, TAB_WALLETS_REF } from '../../../lib/mint/direct-wallet-ref';
import { createDirectHost } from '../../../lib/wallet/direct/host';
import { DOUBLE_CHROME_ID } from '../../wallets/metamask-double/identity';
import { portPair } from '../../wallets/metamask-double/port-pair';
import { createDouble } from '../../wallets/metamask-double/serve';

const KEY: Hex = '0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d';
const OTHER: Hex = '0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a';
const address = privateKeyToAccount(KEY).address;
const rabby = { id: 'io.rabby', name: 'Rabby', rdns: 'io.rabby' };

function setup(installed = true) {
  const double = createDouble({ first: KEY, second: OTHER });
  const host = createDirectHost({
    ids: [{ id: DOUBLE_CHROME_ID, name: 'MetaMask' }],
    probeMs: 1_000,
    connect() {
      const [ours, theirs] = portPair();
      if (installed) double.serve(theirs);
      else theirs.disconnect();
      return ours;
    },
  });
  const tab = {
    connect: vi.fn<WalletPort['connect']>(async () => ({ address: '0x00000000000000000000000000000000000000aa', wallet: rabby, wallets: [rabby] })),
    sign: vi.fn<WalletPort['sign']>(async () => '0xtab'),
    onAccountsChanged: vi.fn<WalletPort['onAccountsChanged']>(() => () => undefined),
    release: vi.fn(async () => undefined),
  };
  const port = withDirectWallet(tab, host, async () => 'http://127.0.0.1:9/');
  return { double, tab, port };
}

describe('withDirectWallet', () => {
  it('uses MetaMask directly when it is found: no tab is opened, and it signs', async () => {
    const { port, tab, double } = setup();
    const connected = await port.connect(undefined);
    expect(connected).toEqual({
      address,
      wallet: { id: DIRECT_WALLET_REF, name: 'MetaMask', rdns: 'io.metamask' },
      wallets: [expect.objectContaining({ id: DIRECT_WALLET_REF }), expect.objectContaining({ id: TAB_WALLETS_REF })],
    });
    const signature = (await port.sign('token', address, DIRECT_WALLET_REF)) as Hex;
    expect(await verifyMessage({ address, message: 'token', signature })).toBe(true);
    expect(tab.connect).not.toHaveBeenCalled();
    expect(tab.sign).not.toHaveBeenCalled();
    expect(double.state.signRequests).toBe(1);
  });

  it("passes the flow's end on to the tab path, so a signing tab it opened is closed (merging the two paths once lost this)", async () => {
    const { port, tab } = setup();
    await port.release?.();
    expect(tab.release).toHaveBeenCalledOnce();
  });

  it('a page wallet asked for goes through the tab, with the direct MetaMask listed first', async () => {
    const { port, tab, double } = setup();
    const connected = await port.connect('io.rabby');
    expect(tab.connect).toHaveBeenCalledWith('io.rabby');
    expect('wallets' in connected && connected.wallets.map((w) => w.id)).toEqual([DIRECT_WALLET_REF, 'io.rabby']);
    expect(await port.sign('token', address, 'io.rabby')).toBe('0xtab');
    expect(double.state.signRequests).toBe(0);
  });

  it('"another wallet" opens the tab with no wallet asked for, and lists the direct MetaMask first', async () => {
    const { port, tab } = setup();
    const connected = await port.connect(TAB_WALLETS_REF);
    expect(tab.connect).toHaveBeenCalledWith(undefined);
    expect('wallets' in connected && connected.wallets.map((w) => w.id)).toEqual([DIRECT_WALLET_REF, 'io.rabby']);
  });

  it('without MetaMask installed, the tab path as before', async () => {
    const { port, tab } = setup(false);
    expect(await port.connect(undefined)).toEqual({ address: '0x00000000000000000000000000000000000000aa', wallet: rabby, wallets: [rabby] });
    expect(tab.connect).toHaveBeenCalledWith(undefined);
  });

  it('the direct MetaMask asked for by name but gone is WALLET_NOT_FOUND, not a silent switch to a page wallet', async () => {
    const { port, tab } = setup(false);
    await expect(port.connect(DIRECT_WALLET_REF)).rejects.toMatchObject({ code: 'WALLET_NOT_FOUND' });
    expect(tab.connect).not.toHaveBeenCalled();
  });
});

// The mint flow's wallet port (entrypoints/background/mint-ports.ts `walletPort`) over a real
// wallet session: the flow remembers a wallet by its EIP-6963 rdns, because the uuid is new on
// every page load. Closing the signing tab and connecting again must find the same wallet.
import { afterEach, describe, expect, it } from 'vitest';
import { walletPort } from '../../../entrypoints/background/mint-ports';
import { AppException } from '../../../lib/errors';
import type { ConnectedWallet, WalletPort } from '../../../lib/mint/deps';
import { WALLET_ICON_MAX } from '../../../lib/mint/wallet-icon';
import { DEFAULT_SETTINGS } from '../../../lib/settings/schema';
import { defineStoredItems } from '../../../lib/storage/items';
import { KEY_B, fakeWallet, type FakeWallet } from '../wallet/fakes';
import { createHarness } from '../wallet/harness';

/** The fake wallets' icon (test/unit/wallet/fakes.ts). */
const ICON = 'data:image/svg+xml,%3Csvg xmlns="http://www.w3.org/2000/svg"/%3E';

const ORIGIN = 'http://127.0.0.1:4321';
const endpoints = async () => ({ ...DEFAULT_SETTINGS, apiBaseUrl: `${ORIGIN}/api/v1`, rpcUrl: 'http://127.0.0.1:9' });

let harness: ReturnType<typeof createHarness> | undefined;
afterEach(() => harness?.cleanup());

function setup(wallets: FakeWallet[]) {
  harness = createHarness(wallets);
  return walletPort(endpoints, harness.browser, defineStoredItems().signingTab);
}

async function connected(port: WalletPort, walletId?: string): Promise<ConnectedWallet> {
  const connection = await port.connect(walletId);
  if ('choose' in connection) throw new Error('asked to choose a wallet');
  return connection;
}

/** Closes the signing tab; the next page load announces every wallet under a new uuid, as EIP-6963 says. */
async function closeSigningTab(wallets: FakeWallet[]) {
  const tabs = await harness!.tabsOn(ORIGIN);
  for (const tab of tabs) await harness!.closeTab(tab.id!);
  for (const wallet of wallets) wallet.info.uuid = crypto.randomUUID();
}

const codeOf = (error: unknown) => (error instanceof AppException ? error.code : `not an AppException: ${String(error)}`);

describe('walletPort: the wallet remembered across signing tabs', () => {
  it('connects again to the same wallet after the signing tab was closed and reopened', async () => {
    const a = fakeWallet(undefined, { rdns: 'test.a', name: 'Wallet A' });
    const b = fakeWallet(KEY_B, { rdns: 'test.b', name: 'Wallet B' });
    const port = setup([a, b]);
    const first = await connected(port, 'test.b');
    expect(first.address).toBe(b.account.address);

    await closeSigningTab([a, b]);
    // What the flow passes on the next Connect click: the id it kept from the last connection.
    const again = await connected(port, first.wallet.id);
    expect(again.address).toBe(b.account.address);
    expect(again.wallet).toEqual({ id: 'test.b', name: 'Wallet B', rdns: 'test.b', icon: ICON });
    expect(again.wallets.map((w) => w.id)).toEqual(['test.a', 'test.b']);
  });

  it('uses the only wallet announced when the remembered one is gone', async () => {
    const only = fakeWallet(undefined, { rdns: 'test.only' });
    const port = setup([only]);
    const again = await connected(port, 'io.gone.wallet');
    expect(again.address).toBe(only.account.address);
  });

  it('keeps a wallet\'s own icon for the choice, unless it is too large to store with the flow', async () => {
    const big = `data:image/png;base64,${'A'.repeat(WALLET_ICON_MAX)}`;
    const a = fakeWallet(undefined, { rdns: 'test.a', name: 'Wallet A', icon: big });
    const b = fakeWallet(KEY_B, { rdns: 'test.b', name: 'Wallet B' });
    const asked = await setup([a, b]).connect('io.gone.wallet');
    expect('choose' in asked && asked.choose.map((w) => w.icon)).toEqual([undefined, ICON]);
  });

  it('asks (no wallet prompt) when the remembered one is gone and several are announced', async () => {
    const a = fakeWallet(undefined, { rdns: 'test.a', name: 'Wallet A' });
    const b = fakeWallet(KEY_B, { rdns: 'test.b', name: 'Wallet B' });
    const port = setup([a, b]);
    await expect(port.connect('io.gone.wallet')).resolves.toEqual({
      choose: [
        { id: 'test.a', name: 'Wallet A', rdns: 'test.a', icon: ICON },
        { id: 'test.b', name: 'Wallet B', rdns: 'test.b', icon: ICON },
      ],
    });
    expect([...a.calls, ...b.calls].map((c) => c.method)).not.toContain('eth_requestAccounts');
  });

  it('says "install a wallet" only when no wallet is announced', async () => {
    const port = setup([]);
    await expect(port.connect('test.a').catch(codeOf)).resolves.toBe('WALLET_NOT_FOUND');
  });
});

// Issue 12's first step, end to end in Chromium: a person mints an ADMIN key from the wallet in the
// popup (key type Admin), then opens Manage keys, which uses that key at once: the account's keys
// listed, the new one marked as held by this vault, the sandbox holding it as an ADMIN key.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromiumWithSandbox, openPopupReadyToMint, pageErrorsOf, sendMessage, type ChromiumHarness, type Sandbox } from './harness/index';
import { installTestWallet } from './mint-wallet';

const PASSPHRASE = 'lantern-quarry-29-willow';
const WAIT = 60_000;

describe('an ADMIN key minted from the wallet opens Manage keys, in Chromium', () => {
  let h: ChromiumHarness;
  let sandbox: Sandbox;
  let popup: Page;

  const panel = () => popup.getByTestId('mint-panel');
  const until = (value: string) => expect.poll(() => panel().getAttribute('data-status'), { timeout: WAIT }).toBe(value);
  async function press(name: string) {
    await popup.bringToFront();
    await panel().getByRole('button', { name }).click();
  }

  beforeAll(async () => {
    ({ h, sandbox } = await launchChromiumWithSandbox());
    await installTestWallet(h.context, sandbox.wallets.staked.privateKey!);
    popup = await openPopupReadyToMint(h, sandbox, PASSPHRASE, WAIT);
  });
  afterAll(async () => {
    await h?.close();
    await sandbox?.stop();
  });

  it('mints an ADMIN key in the popup, saved in the vault as ADMIN', async () => {
    await press('Connect wallet');
    await until('ready');
    await popup.bringToFront();
    await panel().getByRole('radio', { name: /^Admin/ }).check();
    await press('Mint API key');
    await until('saved');
    const last6 = (await panel().getByTestId('mint-saved').getAttribute('data-last6'))!;
    const atVenice = Object.values(sandbox.state.data.keys).filter((k) => k.last6Chars === last6);
    expect(atVenice.map((k) => k.apiKeyType)).toEqual(['ADMIN']);
    const vault = (await sendMessage(h, 'vault.status', {})) as { output: { records: Array<{ last6: string; type: string; source: string }> } };
    expect(vault.output.records).toEqual([expect.objectContaining({ last6, type: 'ADMIN', source: 'minted' })]);
  });

  it('opens Manage keys with it: the account listed, the new key marked as held here', async () => {
    const page = await h.openExtensionPage('manage.html');
    await page.setViewportSize({ width: 1200, height: 900 });
    await expect.poll(() => page.getByTestId('keys-count').innerText(), { timeout: 30_000 }).toBe('1 of 1 keys shown');
    const row = page.locator('tbody tr', { hasText: 'In this vault' });
    expect(await row.count()).toBe(1);
    expect(await row.innerText()).toMatch(/Admin/);
    const adminCalls = sandbox.requests.list().filter((r) => r.method === 'GET' && r.path === '/api/v1/api_keys');
    expect(adminCalls.map((r) => r.status)).toContain(200);
    expect(await pageErrorsOf(page)).toEqual([]);
  });
});

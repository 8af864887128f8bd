// A copied key leaves the clipboard after the delay with the popup closed (issue 14, item 4), in
// Chromium: the service worker, woken by its alarm, opens its offscreen document to compare and
// clear. The delay is set short through the settings contract, as the options page saves it.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mintKey } from '../sandbox/helpers';
import { readClipboardInPage, writeClipboardInPage } from './clipboard-probe';
import { launchChromiumWithSandbox, pageErrorsOf, pointAtSandbox, sendMessage, setUpVault, type ChromiumHarness, type Sandbox } from './harness/index';

const PASSPHRASE = 'cobalt-meadow-38-lantern';
// Long enough that copying, reading the clipboard and the pending clear (and, in Chromium, stopping
// the worker) all happen before it comes due, even with one busy core (`--slow`): with 3 s the clear
// ran before the test read it pending (issue 17, slow mode, seed 4165786521).
const DELAY_S = 12;

describe('clipboard clearing in Chromium', () => {
  let h: ChromiumHarness;
  let sandbox: Sandbox;
  let secret: string;

  /** The clipboard as any extension page reads it. */
  async function clipboardText(): Promise<string | null> {
    const page = await h.openExtensionPage('manifest.json');
    try {
      return await page.evaluate(readClipboardInPage);
    } finally {
      await page.close();
    }
  }
  async function copyElsewhere(text: string): Promise<void> {
    const page = await h.openExtensionPage('manifest.json');
    try {
      expect(await page.evaluate(writeClipboardInPage, text)).toBe(true);
    } finally {
      await page.close();
    }
  }
  const pendingClear = async () => (await h.dumpStorage('session')).clipboardClear;

  /** Opens the popup, presses Copy key, checks what it promises, and closes it. */
  async function copyFromPopupAndClose(): Promise<void> {
    const popup: Page = await h.openPopup();
    await popup.getByRole('button', { name: 'Keys', exact: true }).click();
    const row = popup.getByRole('listitem', { name: new RegExp(`…${secret.slice(-6)}$`) });
    await row.getByRole('button', { name: 'Copy key', exact: true }).click();
    await expect.poll(() => row.getByRole('status').innerText()).toMatch(new RegExp(`cleared in ${DELAY_S} s .*even if you close this popup`));
    expect(await pageErrorsOf(popup)).toEqual([]);
    await popup.close();
  }

  beforeAll(async () => {
    ({ h, sandbox } = await launchChromiumWithSandbox());
    secret = await mintKey(sandbox, sandbox.wallets.staked, 'INFERENCE');
    await pointAtSandbox(h, sandbox, { rpc: false });
    expect(await sendMessage(h, 'settings.set', { patch: { clipboardClearSeconds: DELAY_S } })).toMatchObject({ ok: true });
    await setUpVault(h, PASSPHRASE);
    expect(await sendMessage(h, 'vault.import', { secret, description: 'clipboard e2e' })).toMatchObject({ ok: true });
  });
  afterAll(async () => {
    await h?.close();
    await sandbox?.stop();
  });

  it('clears the key after the delay with the popup closed, even when the worker was stopped meanwhile', async () => {
    await copyFromPopupAndClose();
    expect(await clipboardText()).toBe(secret);
    // Only the digest and the due time wait in storage.session, never the key.
    const pending = await pendingClear();
    expect(pending).toMatchObject({ digest: expect.stringMatching(/^[0-9a-f]{64}$/) as unknown, due: expect.any(Number) as unknown });
    expect(JSON.stringify(await h.dumpStorage('session'))).not.toContain(secret);
    // The worker's own timer dies with it: the alarm must wake it.
    await h.stopServiceWorker();
    await expect.poll(clipboardText, { timeout: 60_000, interval: 500 }).toBe('');
    expect(await pendingClear()).toBeUndefined();
  });

  it('leaves alone what the person copied after the key', async () => {
    await copyFromPopupAndClose();
    expect(await clipboardText()).toBe(secret);
    await copyElsewhere('my shopping list');
    // The clear came due and ran (nothing is pending any more), and it left the clipboard as it was.
    await expect.poll(pendingClear, { timeout: 60_000, interval: 500 }).toBeUndefined();
    expect(await clipboardText()).toBe('my shopping list');
  });
});

// A copied key leaves the clipboard after the delay with the popup closed (issue 14, item 4), in
// Firefox ESR: the event page compares and clears by itself. The delay is set short through the
// settings contract, as the options page saves it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mintKey } from '../sandbox/helpers';
import { readClipboardInPage, writeClipboardInPage } from './clipboard-probe';
import { launchFirefox, pageErrorsOf, startSandboxForTest, type FirefoxHarness, type Sandbox } from './harness/index';
import { press, textOf } from './firefox/dom';
import { sendToBackground } from './firefox/extension';

const PASSPHRASE = 'saffron-ledger-64-lantern';
// Long enough that copying, reading the clipboard and the pending clear (and, in Chromium, stopping
// the worker) all happen before it comes due, even with one busy core (`--slow`): with 3 s the clear
// ran before the test read it pending (issue 17, slow mode, seed 4165786521).
const DELAY_S = 12;

describe('clipboard clearing in Firefox ESR', () => {
  let h: FirefoxHarness;
  let sandbox: Sandbox;
  let secret: string;

  /** Runs `fn` in an extension page the test opens (manifest.json runs none of our code). */
  async function inExtensionPage<A, T>(fn: (arg: A) => T, arg: A): Promise<T> {
    const page = await h.openExtensionPage('manifest.json');
    try {
      return (await page.evaluate(fn as (a: unknown) => T, arg)) as T;
    } finally {
      await page.close().catch(() => undefined);
    }
  }
  const clipboardText = () => inExtensionPage(readClipboardInPage, undefined);
  const session = () => inExtensionPage(() => (globalThis as unknown as { browser: { storage: { session: { get(k: null): Promise<Record<string, unknown>> } } } }).browser.storage.session.get(null), undefined);
  const pendingClear = async () => (await session()).clipboardClear;

  /** Opens the popup, presses Copy key on the key's row, checks what it promises, and closes it. */
  async function copyFromPopupAndClose(): Promise<void> {
    const popup = await h.openPopup();
    const row = `li.key[aria-label$="…${secret.slice(-6)}"]`;
    await press(popup, 'Keys');
    await press(popup, 'Copy key', row);
    await expect.poll(() => textOf(popup, `${row} [role="status"]`)).toMatch(new RegExp(`cleared in ${DELAY_S} s .*even if you close this popup`));
    expect(await pageErrorsOf(popup)).toEqual([]);
    await popup.close();
  }

  beforeAll(async () => {
    sandbox = await startSandboxForTest();
    h = await launchFirefox();
    secret = await mintKey(sandbox, sandbox.wallets.staked, 'INFERENCE');
    const patch = { apiBaseUrl: sandbox.apiUrl, clipboardClearSeconds: DELAY_S };
    expect(await sendToBackground(h, 'settings.set', { patch })).toMatchObject({ ok: true });
    expect(await sendToBackground(h, 'vault.setup', { passphrase: PASSPHRASE, confirm: PASSPHRASE })).toMatchObject({ ok: true });
    expect(await sendToBackground(h, 'vault.import', { secret, description: 'clipboard e2e' })).toMatchObject({ ok: true });
  });
  afterAll(async () => {
    await h?.close();
    await sandbox?.stop();
  });

  it('clears the key after the delay with the popup closed', async () => {
    await copyFromPopupAndClose();
    expect(await clipboardText()).toBe(secret);
    // Only the digest and the due time wait in storage.session, never the key.
    expect(await pendingClear()).toMatchObject({ digest: expect.stringMatching(/^[0-9a-f]{64}$/) as unknown, due: expect.any(Number) as unknown });
    expect(JSON.stringify(await session())).not.toContain(secret);
    await expect.poll(clipboardText, { timeout: 60_000, interval: 500 }).toBe('');
    expect(await pendingClear()).toBeUndefined();
  });

  it('leaves alone what the person copied after the key', async () => {
    await copyFromPopupAndClose();
    expect(await clipboardText()).toBe(secret);
    expect(await inExtensionPage(writeClipboardInPage, 'my shopping list')).toBe(true);
    // The clear came due and ran (nothing is pending any more), and it left the clipboard as it was.
    await expect.poll(pendingClear, { timeout: 60_000, interval: 500 }).toBeUndefined();
    expect(await clipboardText()).toBe('my shopping list');
  });
});

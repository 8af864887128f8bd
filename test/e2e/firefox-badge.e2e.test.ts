// The toolbar badge in Firefox ESR against the sandbox: the options page points the extension at
// the sandbox, a key minted straight at the sandbox API is imported through the popup, and each
// change made through the sandbox's control routes shows up on the badge (read back with
// browser.action in an extension document) after a toolbar.refresh, and in the popup home.
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BADGE_COLORS } from '../../lib/badge/look';
import { control, mintKey } from '../sandbox/helpers';
import { launchFirefox, pageErrorsOf, screenshot, startSandboxForTest, type FirefoxHarness, type Sandbox } from './harness/index';
import { press, textOf, typeInto, waitForVisible } from './firefox/dom';
import { sendToBackground } from './firefox/extension';

const PASSPHRASE = 'saffron-lattice-62-otter';
const rgba = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).concat(255);

describe('toolbar badge in Firefox ESR', () => {
  let h: FirefoxHarness;
  let sandbox: Sandbox;
  let popup: Page;
  let secret: string;
  let last6: string;

  /**
   * Waits for the badge to show `text` in `color`, asking the background for a toolbar.refresh
   * while it does not (the background polls Venice at most every 30 s, so early asks may be "too soon").
   */
  async function badgeBecomes(text: string, color: string, timeout = 90_000): Promise<void> {
    await expect
      .poll(
        async () => {
          const badge = await h.readBadge();
          if (badge.text !== text) await sendToBackground(h, 'toolbar.refresh');
          return { text: badge.text, color: badge.color };
        },
        { timeout, interval: 3_000 },
      )
      .toEqual({ text, color: rgba(color) });
  }

  beforeAll(async () => {
    sandbox = await startSandboxForTest();
    h = await launchFirefox();
    secret = await mintKey(sandbox, sandbox.wallets.staked, 'INFERENCE');
    last6 = secret.slice(-6);
    await control(sandbox.origin, 'POST', `/accounts/${sandbox.wallets.staked.address}/balance`, { diem: 42.5, usd: 7, bundled: 0 });
  });
  afterAll(async () => {
    await h?.close();
    await sandbox?.stop();
  });

  it('points the extension at the sandbox from the options page, with the shortest polling period', async () => {
    const options = await h.openExtensionPage('options.html');
    await typeInto(options, 'Venice API address', sandbox.apiUrl);
    await typeInto(options, 'Check the balance every (minutes)', '0.5');
    await press(options, 'Save');
    await expect.poll(() => textOf(options, 'body')).toContain('Settings saved.');
    const saved = (await sendToBackground(h, 'settings.get')) as { output: { apiBaseUrl: string; pollMinutes: number } };
    expect(saved.output).toMatchObject({ apiBaseUrl: sandbox.apiUrl, pollMinutes: 0.5 });
    expect(await pageErrorsOf(options)).toEqual([]);
    await options.close();
  });

  it('sets up the vault in the popup, imports the key and shows its balance on the home screen', async () => {
    popup = await h.openPopup();
    await typeInto(popup, 'Passphrase', PASSPHRASE);
    await typeInto(popup, 'Type it again', PASSPHRASE);
    await press(popup, 'Create the vault');
    await waitForVisible(popup, '[data-testid="home-empty"]');
    await press(popup, 'Import a key', '[data-testid="home-empty"]');
    await typeInto(popup, 'API key', secret);
    await typeInto(popup, 'Description (optional)', 'badge e2e');
    await press(popup, 'Check and save');
    await expect.poll(() => textOf(popup, 'main'), { timeout: 30_000 }).toContain(`…${last6}`);

    await press(popup, 'Balance', 'nav');
    await expect.poll(() => textOf(popup, '[data-testid="active-key"]')).toBe(`badge e2e (…${last6})`);
    await expect.poll(() => textOf(popup, '[data-testid="balance-summary"]'), { timeout: 30_000 }).toContain('42.5 DIEM');
    await expect.poll(() => textOf(popup, '[data-testid="status-chip"]'), { timeout: 30_000 }).toBe('Can spend');
  });

  it('shows the sandbox balance on the badge', async () => {
    await badgeBecomes('42.5', BADGE_COLORS.normal);
    const badge = await h.readBadge();
    expect(badge.title).toContain(`badge e2e (…${last6})`);
    expect(badge.title).toContain('42.5 DIEM');
  });

  it('turns amber when the balance drops below the low mark', async () => {
    await control(sandbox.origin, 'POST', `/accounts/${sandbox.wallets.staked.address}/balance`, { diem: 0.5, usd: 0, bundled: 0 });
    await badgeBecomes('0.5', BADGE_COLORS.low);
    expect((await h.readBadge()).title).toMatch(/Low: under 1 DIEM/);
    await expect.poll(() => textOf(popup, '[data-testid="balance-summary"]'), { timeout: 30_000 }).toContain('0.5 DIEM');
    await expect.poll(() => textOf(popup, '[data-testid="status-chip"]'), { timeout: 30_000 }).toBe('Low balance');
  });

  it('turns red with "!" when Venice blocks the key', async () => {
    await control(sandbox.origin, 'POST', `/keys/${last6}/access`, { permitted: false });
    await badgeBecomes('!', BADGE_COLORS.alert);
    expect((await h.readBadge()).title).toMatch(/Access blocked/);
    await expect.poll(() => textOf(popup, '[data-testid="status-chip"]'), { timeout: 30_000 }).toBe('Blocked');
    await screenshot(popup, 'firefox-badge-blocked');
  });

  it('turns grey when the vault is locked', async () => {
    await press(popup, 'Lock now', 'nav');
    await waitForVisible(popup, 'form button[type="submit"]');
    expect(await textOf(popup, 'h1')).toBe('Unlock your keys');
    await expect
      .poll(async () => {
        const { text, color } = await h.readBadge();
        return { text, color };
      })
      .toEqual({ text: '•••', color: rgba(BADGE_COLORS.muted) });
    expect(await textOf(popup, '[data-testid="status-chip"]')).toBe('Locked');
    expect(await pageErrorsOf(popup)).toEqual([]);
  });
});

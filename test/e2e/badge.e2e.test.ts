// The toolbar badge against the sandbox, end to end in Chromium: a key minted straight at the
// sandbox API is imported through the popup, the options page points the extension at the
// sandbox, and each change made through the sandbox's control routes shows up on the badge
// (read back from chrome.action) and in the popup home.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BADGE_COLORS, BADGE_SIGNS } from '../../lib/badge/look';
import { control, mintKey } from '../sandbox/helpers';
import { launchChromium, pageErrorsOf, startSandboxForTest, type ChromiumHarness, type Sandbox } from './harness/index';

const PASSPHRASE = 'copper-meadow-84-kettle';
const RATE_LIMITS = 'GET /api/v1/api_keys/rate_limits';

const rgba = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).concat(255);

describe('toolbar badge in Chromium', () => {
  let h: ChromiumHarness;
  let sandbox: Sandbox;
  let popup: Page;
  let secret: string;
  let last6: string;

  const rateLimitCalls = () => sandbox.requests.list().filter((r) => `${r.method} ${r.path}` === RATE_LIMITS);

  /**
   * Waits for the badge to show `text` in `color`, pressing the popup's Refresh button as a
   * person would (the background polls at most every 30 s, so the first presses may be "too soon").
   */
  async function badgeBecomes(text: string, color: string, timeout = 90_000): Promise<void> {
    await expect
      .poll(
        async () => {
          const badge = await h.readBadge();
          if (badge.text !== text) {
            await popup.bringToFront();
            const refresh = popup.getByRole('button', { name: 'Refresh' });
            if (await refresh.isEnabled().catch(() => false)) await refresh.click().catch(() => undefined);
          }
          return { text: badge.text, color: badge.color };
        },
        { timeout, interval: 3_000 },
      )
      .toEqual({ text, color: rgba(color) });
  }

  /** The popup's status chip says what the badge says: the same level, in the badge's colour. */
  async function chipMatchesBadge(level: string): Promise<void> {
    await popup.bringToFront();
    const chip = popup.getByTestId('status-chip');
    await expect.poll(() => chip.getAttribute('data-level'), { timeout: 30_000 }).toBe(level);
    const background = await chip.evaluate((el) => getComputedStyle(el).backgroundColor);
    const [r, g, b] = (await h.readBadge()).color;
    expect(background).toBe(`rgb(${r}, ${g}, ${b})`);
  }

  beforeAll(async () => {
    sandbox = await startSandboxForTest();
    h = await launchChromium();
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
    await options.getByLabel('Venice API address').fill(sandbox.apiUrl);
    await options.getByLabel('Check the balance every (minutes)').fill('0.5');
    await options.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => options.getByText('Settings saved.').count()).toBe(1);
    expect(await pageErrorsOf(options)).toEqual([]);
    await options.close();
  });

  it('sets up the vault in the popup, imports the key and shows its balance on the home screen', async () => {
    popup = await h.openPopup();
    await popup.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
    await popup.getByLabel('Type it again').fill(PASSPHRASE);
    await popup.getByRole('button', { name: 'Create the vault' }).click();
    // No key yet: the home screen's empty state offers the import.
    await popup.getByRole('heading', { name: 'No API key yet' }).waitFor();
    await popup.getByRole('button', { name: 'Import a key' }).click();
    await popup.getByLabel('API key').fill(secret);
    await popup.getByLabel('Description (optional)').fill('badge e2e');
    await popup.getByRole('button', { name: 'Check and save' }).click();
    await popup.getByText(`…${last6}`).first().waitFor();

    await popup.getByRole('button', { name: 'Balance' }).click();
    await expect.poll(() => popup.getByTestId('active-key').innerText()).toBe(`badge e2e (…${last6})`);
    await expect.poll(() => popup.getByTestId('balance-summary').innerText(), { timeout: 30_000 }).toContain('42.5 DIEM');
    await expect.poll(() => popup.getByTestId('status-chip').innerText()).toBe('Can spend');
    expect(await popup.getByRole('timer').innerText()).toMatch(/\d+ (h|min|s)/);
  });

  it('shows the sandbox balance on the badge', async () => {
    await badgeBecomes('42.5', BADGE_COLORS.normal);
    const badge = await h.readBadge();
    expect(badge.title).toContain(`badge e2e (…${last6})`);
    expect(badge.title).toContain('42.5 DIEM');
    await chipMatchesBadge('ok');
  });

  it('turns amber when the balance drops below the low mark', async () => {
    await control(sandbox.origin, 'POST', `/accounts/${sandbox.wallets.staked.address}/balance`, { diem: 0.5, usd: 0, bundled: 0 });
    await badgeBecomes('0.5', BADGE_COLORS.low);
    expect((await h.readBadge()).title).toMatch(/Low: under 1 DIEM/);
    await expect.poll(() => popup.getByTestId('balance-summary').innerText()).toContain('0.5 DIEM');
    await chipMatchesBadge('low');
  });

  it('turns grey, and the chip says "Out of date", when a refresh fails and the last balance is kept', async () => {
    await control(sandbox.origin, 'POST', '/faults', { kind: 'status', status: 500, method: 'GET', path: '/api_keys/rate_limits', count: 50 });
    await badgeBecomes('0.5', BADGE_COLORS.muted);
    expect((await h.readBadge()).title).toMatch(/Could not refresh/);
    await chipMatchesBadge('stale');
    await control(sandbox.origin, 'DELETE', '/faults');
  });

  it('turns red with "!" when Venice blocks the key', async () => {
    await control(sandbox.origin, 'POST', `/keys/${last6}/access`, { permitted: false });
    await badgeBecomes('!', BADGE_COLORS.alert);
    expect((await h.readBadge()).title).toMatch(/Access blocked/);
    await chipMatchesBadge('blocked');
    expect(await popup.getByTestId('status-chip').innerText()).toBe('Blocked');
    // One banner and one action in place of the balance card.
    await popup.getByTestId('blocked').waitFor();
    expect(await popup.getByTestId('balance-summary').count()).toBe(0);
  });

  it('turns red with "✕" and stops polling once the key is revoked', async () => {
    await control(sandbox.origin, 'POST', `/keys/${last6}/access`, { permitted: true });
    await control(sandbox.origin, 'POST', `/keys/${last6}/revoke`);
    await expect
      .poll(
        async () => {
          const { title } = await h.readBadge();
          if (!/Checking has stopped/.test(title)) {
            await popup.bringToFront();
            const refresh = popup.getByRole('button', { name: 'Refresh' });
            if (await refresh.isEnabled().catch(() => false)) await refresh.click().catch(() => undefined);
          }
          return title;
        },
        { timeout: 90_000, interval: 3_000 },
      )
      .toMatch(/did not accept this key.*Checking has stopped/s);
    const badge = await h.readBadge();
    expect(badge.text).toBe(BADGE_SIGNS.gone);
    expect(badge.color).toEqual(rgba(BADGE_COLORS.alert));
    await popup.getByTestId('revoked').waitFor();
    await chipMatchesBadge('gone');

    // Noticed: from now on neither the 30 s alarm nor Refresh may ask Venice again.
    sandbox.requests.clear();
    const until = Date.now() + 45_000;
    while (Date.now() < until) {
      await popup.bringToFront();
      await popup.getByRole('button', { name: 'Refresh' }).click();
      await popup.waitForTimeout(5_000);
    }
    expect(rateLimitCalls()).toEqual([]);
    expect((await h.readBadge()).text).toBe(BADGE_SIGNS.gone);
  });

  it('turns grey when the vault is locked', async () => {
    await popup.bringToFront();
    await popup.getByRole('button', { name: 'Lock now' }).click();
    await popup.getByRole('button', { name: 'Unlock' }).waitFor();
    await expect.poll(async () => {
      const { text, color } = await h.readBadge();
      return { text, color };
    }).toEqual({ text: '•••', color: rgba(BADGE_COLORS.muted) });
    await chipMatchesBadge('locked');
    expect(await pageErrorsOf(popup)).toEqual([]);
  });
});

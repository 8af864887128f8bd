// Accessibility of every popup screen a person reaches on the way to a key (set-up, unlock,
// home without and with a key), of the options page and of the Manage keys page, in light and dark: axe-core, injected
// into the real extension pages, must find no serious or critical violation.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { control, mintKey } from '../sandbox/helpers';
import { launchChromiumWithSandbox, ROOT, sendMessage, type ChromiumHarness, type Sandbox } from './harness/index';

const PASSPHRASE = 'amber-violin-27-harbor';
const AXE = readFileSync(path.join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
const SCHEMES = ['light', 'dark'] as const;

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

/** Runs axe on the page as it is now; returns the serious and critical violations, readable. */
async function seriousViolations(page: Page): Promise<string[]> {
  // evaluate() runs outside the page's CSP, which would refuse an injected <script>.
  await page.evaluate(AXE);
  const violations = await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(ctx: Document, o: object): Promise<{ violations: Violation[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations;
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} at ${v.nodes.map((n) => `${n.target.join(' ')} (${n.failureSummary ?? ''})`).join('; ')}`);
}

/** Checks the page in both colour schemes. */
async function expectAccessible(page: Page, screen: string): Promise<void> {
  for (const colorScheme of SCHEMES) {
    await page.emulateMedia({ colorScheme });
    expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(colorScheme === 'dark');
    expect(await seriousViolations(page), `${screen}, ${colorScheme}`).toEqual([]);
  }
}

describe('accessibility (axe-core) in Chromium', () => {
  let h: ChromiumHarness;
  let sandbox: Sandbox;
  let popup: Page;
  let secret: string;

  beforeAll(async () => {
    ({ h, sandbox } = await launchChromiumWithSandbox());
    secret = await mintKey(sandbox, sandbox.wallets.staked, 'INFERENCE');
    await control(sandbox.origin, 'POST', `/accounts/${sandbox.wallets.staked.address}/balance`, { diem: 3.2, usd: 18, bundled: 5 });
  });
  afterAll(async () => {
    await h?.close();
    await sandbox?.stop();
  });

  it('options page', async () => {
    const options = await h.openExtensionPage('options.html');
    await options.getByLabel('Venice API address').waitFor();
    await expectAccessible(options, 'options');
    // Point the extension at the sandbox for the popup screens below.
    await options.emulateMedia({ colorScheme: 'light' });
    await options.getByLabel('Venice API address').fill(sandbox.apiUrl);
    await options.getByRole('button', { name: 'Save' }).click();
    await options.getByText('Settings saved.').waitFor();
    await options.close();
  });

  it('popup: set-up screen', async () => {
    popup = await h.openPopup();
    await popup.getByRole('button', { name: 'Create the vault' }).waitFor();
    await expectAccessible(popup, 'setup');
  });

  it('popup: home without a key', async () => {
    await popup.emulateMedia({ colorScheme: 'light' });
    await popup.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
    await popup.getByLabel('Type it again').fill(PASSPHRASE);
    await popup.getByRole('button', { name: 'Create the vault' }).click();
    await popup.getByTestId('home-empty').waitFor();
    await popup.locator('[data-testid="mint-panel"][data-status="idle"]').waitFor();
    await expectAccessible(popup, 'home (empty)');
  });

  it('popup: home with a key', async () => {
    await popup.emulateMedia({ colorScheme: 'light' });
    await popup.getByRole('button', { name: 'Import a key' }).click();
    await popup.getByLabel('API key').fill(secret);
    await popup.getByLabel('Description (optional)').fill('a11y');
    await popup.getByRole('button', { name: 'Check and save' }).click();
    await popup.getByText(`…${secret.slice(-6)}`).first().waitFor();
    await expectAccessible(popup, 'keys');
    await popup.getByRole('button', { name: 'Balance' }).click();
    await expect.poll(() => popup.getByTestId('balance-summary').innerText(), { timeout: 30_000 }).toContain('3.2 DIEM');
    await popup.locator('[data-testid="mint-panel"]').waitFor();
    await expectAccessible(popup, 'home (key)');
  });

  it('popup home: every action is reachable with Tab, shows a focus ring, and works with Enter', async () => {
    await popup.emulateMedia({ colorScheme: 'light' });
    await popup.bringToFront();
    await popup.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    const reached: string[] = [];
    for (let i = 0; i < 10; i++) {
      await popup.keyboard.press('Tab');
      const focused = await popup.evaluate(() => {
        const el = document.activeElement as HTMLElement;
        const style = getComputedStyle(el);
        const name = el === document.body ? '' : (el.textContent ?? '').trim() || el.id || el.tagName;
        return { name, outline: style.outlineStyle, width: parseFloat(style.outlineWidth) };
      });
      if (!focused.name) continue; // focus still outside the document (first press in a fresh tab)
      reached.push(focused.name);
      expect(focused.outline, `focus ring on ${focused.name}`).not.toBe('none');
      expect(focused.width, `focus ring on ${focused.name}`).toBeGreaterThanOrEqual(2);
    }
    expect(reached).toEqual(expect.arrayContaining(['Keys', 'Settings', 'Lock now', 'Refresh', 'Connect wallet']));
    await popup.getByRole('button', { name: 'Refresh' }).focus();
    await popup.keyboard.press('Enter');
    // Opening the popup polled a moment ago, so the background answers "too soon" and the popup says so.
    await expect.poll(() => popup.getByTestId('freshness').innerText()).toMatch(/Checked less than 30 seconds ago/);
  });

  it("Manage keys page: without an ADMIN key, the list, a key's details and the create form", async () => {
    const manage = await h.openExtensionPage('manage.html');
    await manage.setViewportSize({ width: 1200, height: 900 });
    await manage.getByTestId('manage-no-admin').waitFor();
    await expectAccessible(manage, 'manage (no ADMIN key)');
    const admin = await mintKey(sandbox, sandbox.wallets.staked, 'ADMIN');
    expect(await sendMessage(h, 'vault.import', { secret: admin, description: 'a11y admin' })).toMatchObject({ ok: true });
    await manage.emulateMedia({ colorScheme: 'light' });
    await manage.reload();
    await expect.poll(() => manage.getByTestId('keys-count').innerText(), { timeout: 30_000 }).toBe('2 of 2 keys shown');
    await manage.getByTestId('usage-chart').waitFor();
    await expectAccessible(manage, 'manage (list)');
    await manage.emulateMedia({ colorScheme: 'light' });
    await manage.locator('tbody tr').first().getByRole('button').first().click();
    await manage.getByTestId('key-details').waitFor();
    await expectAccessible(manage, 'manage (details)');
    await manage.emulateMedia({ colorScheme: 'light' });
    await manage.getByRole('button', { name: 'Create a key' }).click();
    await manage.getByTestId('key-form-create').waitFor();
    await expectAccessible(manage, 'manage (create form)');
    await manage.close();
  });

  it('popup: unlock screen', async () => {
    await popup.emulateMedia({ colorScheme: 'light' });
    await popup.getByRole('button', { name: 'Lock now' }).click();
    await popup.getByRole('button', { name: 'Unlock' }).waitFor();
    await expectAccessible(popup, 'unlock');
  });

  it('would catch a violation (the check is live)', async () => {
    await popup.evaluate(() => {
      const probe = document.createElement('div');
      probe.id = 'axe-probe';
      probe.innerHTML = '<button type="button"></button><p style="color:#777;background:#888">low contrast</p>';
      document.body.append(probe);
    });
    const found = await seriousViolations(popup);
    await popup.evaluate(() => document.getElementById('axe-probe')?.remove());
    expect(found.some((v) => v.includes('button-name'))).toBe(true);
    expect(found.some((v) => v.includes('color-contrast'))).toBe(true);
  });
});

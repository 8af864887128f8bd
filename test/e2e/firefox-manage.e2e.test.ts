// The Manage keys page in Firefox ESR against the sandbox (issue 12 asks for both browsers): with
// only an INFERENCE key, the explanation and no admin route called; then an ADMIN key minted at the
// sandbox and imported into the vault; the account's keys listed; a capped INFERENCE key created
// (saved in the vault, the sandbox holds its caps); edited; paused and resumed (the sandbox's caps
// follow); rotated (same settings, the old key revoked after naming it); the 21st creation in a
// minute refused with the wait; revoked after the typed confirmation (gone from the sandbox, marked
// revoked in the vault); a create whose answer is cut off not sent again, its orphan offered for
// revoking. Every effect is read from the sandbox's own records.
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { control, mintKey } from '../sandbox/helpers';
import { launchFirefox, pageErrorsOf, startSandboxForTest, type FirefoxHarness, type Sandbox } from './harness/index';
import { press, textOf, typeInto, waitForVisible } from './firefox/dom';
import { sendToBackground } from './firefox/extension';

const PASSPHRASE = 'willow-pebble-47-harbor';

interface SandboxKey { id: string; apiKeyType: string; description: string; last6Chars: string; consumptionLimits: { usd: number | null; diem: number | null } }
interface VaultRecord { description: string; source: string; veniceId?: string; revokedAt?: string; limits: { usd?: number | null; diem?: number | null } }

/** Clicks the button whose accessible label (aria-label) matches `pattern`. */
async function pressLabelled(page: Page, pattern: string): Promise<void> {
  await waitForVisible(page, 'button[aria-label]');
  await page.bringToFront();
  const clicked = await page.evaluate((p) => {
    const button = [...document.querySelectorAll<HTMLButtonElement>('button[aria-label]')].find((b) => new RegExp(p).test(b.getAttribute('aria-label') ?? ''));
    button?.click();
    return !!button;
  }, pattern);
  if (!clicked) throw new Error(`no button labelled like /${pattern}/`);
}

/** Chooses `value` in the <select> whose <label> reads `label`. */
async function chooseIn(page: Page, label: string, value: string): Promise<void> {
  const id = await page.evaluate((l) => [...document.querySelectorAll('label')].find((e) => e.textContent?.trim() === l)?.htmlFor ?? '', label);
  if (!id) throw new Error(`no select labelled "${label}"`);
  await page.select(`[id="${id}"]`, value);
}

describe('Manage keys in Firefox ESR', () => {
  let h: FirefoxHarness;
  let sandbox: Sandbox;
  let page: Page;
  let admin: string;

  const sandboxKeys = async (): Promise<SandboxKey[]> => (await control(sandbox.origin, 'GET', '/keys')).keys;
  const sandboxKey = async (description: string) => (await sandboxKeys()).find((k) => k.description === description);
  const vaultRecords = async (): Promise<VaultRecord[]> => ((await sendToBackground(h, 'vault.status')) as { output: { records: VaultRecord[] } }).output.records;

  beforeAll(async () => {
    sandbox = await startSandboxForTest();
    h = await launchFirefox();
    admin = await mintKey(sandbox, sandbox.wallets.staked, 'ADMIN');
    const worker = await mintKey(sandbox, sandbox.wallets.staked, 'INFERENCE');
    expect(await sendToBackground(h, 'settings.set', { patch: { apiBaseUrl: sandbox.apiUrl } })).toMatchObject({ ok: true });
    expect(await sendToBackground(h, 'vault.setup', { passphrase: PASSPHRASE, confirm: PASSPHRASE })).toMatchObject({ ok: true });
    expect(await sendToBackground(h, 'vault.import', { secret: worker, description: 'Laptop' })).toMatchObject({ ok: true });
  });
  afterAll(async () => {
    await h?.close();
    await sandbox?.stop();
  });

  it('with only an INFERENCE key, explains why and calls no admin route', async () => {
    await control(sandbox.origin, 'DELETE', '/requests');
    page = await h.openExtensionPage('manage.html');
    await expect.poll(() => textOf(page, '[data-testid="manage-no-admin"]'), { timeout: 30_000 }).toMatch(/admin key/i);
    await new Promise((resolve) => setTimeout(resolve, 1_500)); // time for any request the page would (wrongly) send
    const requests: Array<{ path: string }> = (await control(sandbox.origin, 'GET', '/requests')).requests;
    const isAdminRoute = (path: string) => path === '/api/v1/api_keys' || /^\/api\/v1\/api_keys\/(?!rate_limits$)/.test(path) || path.startsWith('/api/v1/billing');
    expect(requests.filter((r) => isAdminRoute(r.path))).toEqual([]);
  });

  it("lists the account's keys through the ADMIN key of the vault", async () => {
    expect(await sendToBackground(h, 'vault.import', { secret: admin, description: 'Ops admin' })).toMatchObject({ ok: true });
    // Opened again rather than reloaded: a reload over WebDriver BiDi waited past its 30 s here once.
    await page.close();
    page = await h.openExtensionPage('manage.html');
    await expect.poll(() => textOf(page, '[data-testid="keys-count"]'), { timeout: 30_000 }).toBe('2 of 2 keys shown');
    expect(await textOf(page, '[data-testid="keys-table"]')).toContain('In this vault');
  });

  it('creates a capped INFERENCE key: saved in the vault, shown once, the sandbox holds its caps', async () => {
    await press(page, 'Create a key');
    await typeInto(page, 'Description', 'ff capped');
    await typeInto(page, 'USD cap', '5');
    await typeInto(page, 'DIEM cap', '1');
    await chooseIn(page, 'Caps reset', 'MONTH');
    await press(page, 'Create and save in the vault');
    await expect.poll(() => textOf(page, '[data-testid="created-secret"]'), { timeout: 30_000 }).toMatch(/^VENICE_INFERENCE_KEY_/);
    const atVenice = await sandboxKey('ff capped');
    expect(atVenice?.consumptionLimits).toMatchObject({ usd: 5, diem: 1 });
    expect((await vaultRecords()).find((r) => r.description === 'ff capped')).toMatchObject({ source: 'created', veniceId: atVenice!.id, limits: { usd: 5, diem: 1 } });
    await press(page, 'I have saved it');
    await expect.poll(() => textOf(page, '[data-testid="keys-count"]')).toBe('3 of 3 keys shown');
  });

  it("edits it, then pauses and resumes it: the sandbox's caps follow", async () => {
    await pressLabelled(page, '^Open details of ff capped');
    await press(page, 'Edit');
    await typeInto(page, 'Description', 'ff edited');
    await typeInto(page, 'USD cap', '8');
    await press(page, 'Save');
    await expect.poll(async () => (await sandboxKey('ff edited'))?.consumptionLimits, { timeout: 20_000 }).toMatchObject({ usd: 8, diem: 1 });
    await press(page, 'Pause');
    await expect.poll(async () => (await sandboxKey('ff edited'))?.consumptionLimits, { timeout: 20_000 }).toMatchObject({ usd: 0, diem: 0 });
    await press(page, 'Resume');
    await expect.poll(async () => (await sandboxKey('ff edited'))?.consumptionLimits, { timeout: 20_000 }).toMatchObject({ usd: 8, diem: 1 });
  });

  it('revokes it after the typed confirmation: gone from the sandbox, marked revoked in the vault', async () => {
    const target = (await sandboxKey('ff edited'))!;
    await press(page, 'Revoke…');
    await waitForVisible(page, '[data-testid="revoke-confirm"]');
    const label = await page.evaluate(() => [...document.querySelectorAll('[data-testid="revoke-confirm"] label')].map((l) => l.textContent?.trim() ?? '').find((t) => /to confirm/.test(t)) ?? '');
    await typeInto(page, label, target.last6Chars);
    await press(page, `Revoke …${target.last6Chars}`);
    await expect.poll(async () => (await sandboxKeys()).some((k) => k.id === target.id), { timeout: 20_000 }).toBe(false);
    await expect.poll(async () => (await vaultRecords()).find((r) => r.veniceId === target.id)?.revokedAt).toBeTruthy();
    expect(await pageErrorsOf(page)).toEqual([]);
  });

  it('rotates a key: the same settings on a new key saved in the vault, then the old one revoked after naming it', async () => {
    // The INFERENCE key minted at the sandbox (the ADMIN key in use has the same default description).
    const old = (await sandboxKeys()).find((k) => k.description === 'Web3 API Key' && k.apiKeyType === 'INFERENCE')!;
    const before = (await sandboxKeys()).filter((k) => k.description === 'Web3 API Key' && k.id !== old.id).map((k) => k.id);
    await pressLabelled(page, `^Open details of Web3 API Key \\(…${old.last6Chars.replace(/[-_]/g, '.')}\\)`);
    await waitForVisible(page, '[data-testid="key-details"]');
    await press(page, 'Rotate');
    await expect.poll(() => textOf(page, '[data-testid="rotate-intro"]')).toContain(old.last6Chars);
    await press(page, 'Create and save in the vault');
    await expect.poll(() => textOf(page, '[data-testid="created-secret"]'), { timeout: 30_000 }).toMatch(/^VENICE_/);
    const fresh = (await sandboxKeys()).find((k) => k.description === 'Web3 API Key' && k.id !== old.id && !before.includes(k.id))!;
    expect(fresh).toBeDefined();
    expect((await vaultRecords()).some((r) => r.veniceId === fresh.id)).toBe(true);
    await press(page, 'I have saved it');
    await waitForVisible(page, '[data-testid="revoke-confirm"]');
    const label = await page.evaluate(() => [...document.querySelectorAll('[data-testid="revoke-confirm"] label')].map((l) => l.textContent?.trim() ?? '').find((t) => /to confirm/.test(t)) ?? '');
    await typeInto(page, label, old.last6Chars);
    await press(page, `Revoke …${old.last6Chars}`);
    await expect.poll(async () => (await sandboxKeys()).some((k) => k.id === old.id), { timeout: 20_000 }).toBe(false);
    expect((await sandboxKeys()).some((k) => k.id === fresh.id)).toBe(true);
  });

  it('shows the wait on the 21st creation in a minute, and creates nothing', async () => {
    await control(sandbox.origin, 'POST', '/limits/reset');
    for (let i = 0; i < 20; i += 1) {
      const res = await fetch(`${sandbox.apiUrl}/api_keys`, {
        method: 'POST',
        headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
        body: JSON.stringify({ apiKeyType: 'INFERENCE', description: `burst ${i}` }),
      });
      expect(res.status).toBe(200);
    }
    const count = (await sandboxKeys()).length;
    await press(page, 'Create a key');
    await typeInto(page, 'Description', 'one too many');
    await press(page, 'Create and save in the vault');
    await expect.poll(() => textOf(page, '[data-testid="manage-notice"]'), { timeout: 20_000 }).toMatch(/20 key creations a minute.*Nothing was created\. Try again in \d+ s/);
    expect((await sandboxKeys()).length).toBe(count);
    expect(await pageErrorsOf(page)).toEqual([]);
  });
  it('does not send a create again when its answer is cut off, and offers to revoke the key it made', async () => {
    await control(sandbox.origin, 'POST', '/limits/reset');
    await control(sandbox.origin, 'DELETE', '/requests');
    sandbox.faults.add({ kind: 'truncated', count: 1, method: 'POST', path: '/api/v1/api_keys' });
    await press(page, 'Create a key');
    await typeInto(page, 'Description', 'ff answer lost');
    await press(page, 'Create and save in the vault');
    await waitForVisible(page, '[data-testid="create-lost"]');
    const orphan = (await sandboxKey('ff answer lost'))!;
    expect(orphan).toBeDefined();
    expect(await textOf(page, '[data-testid="create-lost"]')).toContain(orphan.last6Chars);
    const posts = ((await control(sandbox.origin, 'GET', '/requests')).requests as Array<{ method: string; path: string }>)
      .filter((r) => r.method === 'POST' && r.path === '/api/v1/api_keys');
    expect(posts).toHaveLength(1);
    expect((await vaultRecords()).some((r) => r.description === 'ff answer lost')).toBe(false);

    await press(page, 'Revoke…', '[data-testid="create-lost"]');
    await waitForVisible(page, '[data-testid="revoke-confirm"]');
    const label = await page.evaluate(() => [...document.querySelectorAll('[data-testid="revoke-confirm"] label')].map((l) => l.textContent?.trim() ?? '').find((t) => /to confirm/.test(t)) ?? '');
    await typeInto(page, label, orphan.last6Chars);
    await press(page, `Revoke …${orphan.last6Chars}`);
    await expect.poll(async () => (await sandboxKeys()).some((k) => k.id === orphan.id), { timeout: 20_000 }).toBe(false);
    expect(await pageErrorsOf(page)).toEqual([]);
  });
});

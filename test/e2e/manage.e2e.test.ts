// The Manage keys page (manage.html) in Chromium against the sandbox: an ADMIN key minted from the
// staked wallet and imported into the vault; the account's keys listed; a capped INFERENCE key
// created (saved in the vault, the sandbox holds its caps); edited; paused and resumed (the
// sandbox's caps follow); revoked after the typed confirmation (gone from the sandbox, marked in
// the vault). Every check of an effect reads the sandbox's own state. Screenshots in both themes.
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { control, mintKey } from '../sandbox/helpers';
import { launchChromiumWithSandbox, pageErrorsOf, pointAtSandbox, ROOT, screenshot, sendMessage, setUpVault, type ChromiumHarness, type Sandbox } from './harness/index';

const PASSPHRASE = 'quiet-lantern-63-orchard';
const DOCS = path.join(ROOT, 'docs/screenshots');

interface SandboxKey { id: string; description: string; last6Chars: string; consumptionLimits: { usd: number | null; diem: number | null } }
interface VaultRecord { description: string; source: string; veniceId?: string; revokedAt?: string; limits: { usd?: number | null; diem?: number | null } }

describe('Manage keys in Chromium', () => {
  let h: ChromiumHarness;
  let sandbox: Sandbox;
  let page: Page;

  const sandboxKeys = async (): Promise<SandboxKey[]> => (await control(sandbox.origin, 'GET', '/keys')).keys;
  const sandboxKey = async (description: string) => (await sandboxKeys()).find((k) => k.description === description);
  const vaultRecords = async (): Promise<VaultRecord[]> => {
    const reply = (await sendMessage(h, 'vault.status', {})) as { ok: boolean; output: { records: VaultRecord[] } };
    return reply.output.records;
  };

  beforeAll(async () => {
    ({ h, sandbox } = await launchChromiumWithSandbox());
    const admin = await mintKey(sandbox, sandbox.wallets.staked, 'ADMIN');
    const worker = await mintKey(sandbox, sandbox.wallets.staked, 'INFERENCE');
    const workerLast6 = worker.slice(-6);
    await control(sandbox.origin, 'POST', `/keys/${workerLast6}/usage`, { usd: 0.42 });
    await control(sandbox.origin, 'POST', `/accounts/${sandbox.wallets.staked.address}/balance`, { diem: 3.2, usd: 18.4, bundled: 5 });
    await control(sandbox.origin, 'POST', '/rate_limits/log', { key: workerLast6, modelId: 'venice-uncensored', rateLimitType: 'RPM' });
    await pointAtSandbox(h, sandbox, { rpc: false });
    await setUpVault(h, PASSPHRASE);
    expect(await sendMessage(h, 'vault.import', { secret: admin, description: 'Ops admin' })).toMatchObject({ ok: true });
    await sandbox.requests.clear();
  });
  afterAll(async () => {
    await h?.close();
    await sandbox?.stop();
  });

  it('lists the account\'s keys through the ADMIN key of the vault', async () => {
    page = await h.openExtensionPage('manage.html');
    await page.setViewportSize({ width: 1200, height: 900 });
    await expect.poll(() => page.getByTestId('keys-count').innerText(), { timeout: 30_000 }).toBe('2 of 2 keys shown');
    await expect.poll(() => page.getByTestId('account-balance').innerText()).toContain('3.2');
    expect(await page.getByTestId('rate-limit-log').innerText()).toContain('venice-uncensored');
    // The admin key (minted, so named "Web3 API Key" at Venice) is the one row marked as held by this vault.
    expect(await page.locator('tbody tr', { hasText: 'In this vault' }).count()).toBe(1);
  });

  it('creates a capped INFERENCE key: saved in the vault, shown once, the sandbox holds its caps', async () => {
    await page.getByRole('button', { name: 'Create a key' }).click();
    await page.getByLabel('Description').fill('e2e capped');
    await page.getByLabel('USD cap').fill('5');
    await page.getByLabel('DIEM cap').fill('1');
    await page.getByLabel('Caps reset').selectOption('MONTH');
    await page.getByRole('button', { name: 'Create and save in the vault' }).click();
    const secret = await page.getByTestId('created-secret').innerText({ timeout: 30_000 });
    expect(secret).toMatch(/^VENICE_INFERENCE_KEY_/);
    const atVenice = await sandboxKey('e2e capped');
    expect(atVenice?.consumptionLimits).toMatchObject({ usd: 5, diem: 1 });
    expect((await vaultRecords()).find((r) => r.description === 'e2e capped')).toMatchObject({ source: 'created', veniceId: atVenice!.id, limits: { usd: 5, diem: 1 } });
    await page.getByRole('button', { name: 'I have saved it' }).click();
    await expect.poll(() => page.getByTestId('keys-count').innerText()).toBe('3 of 3 keys shown');
  });

  it('edits it, then pauses and resumes it: the sandbox\'s caps follow', async () => {
    await page.getByRole('button', { name: /Open details of e2e capped/ }).click();
    await page.getByRole('button', { name: 'Edit' }).click();
    await page.getByLabel('Description').fill('e2e edited');
    await page.getByLabel('USD cap').fill('8');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(async () => (await sandboxKey('e2e edited'))?.consumptionLimits, { timeout: 20_000 }).toMatchObject({ usd: 8, diem: 1 });

    await page.getByRole('button', { name: 'Pause' }).click();
    await expect.poll(async () => (await sandboxKey('e2e edited'))?.consumptionLimits, { timeout: 20_000 }).toMatchObject({ usd: 0, diem: 0 });
    await page.getByRole('button', { name: 'Resume' }).waitFor();
    expect(await page.locator('tr', { hasText: 'e2e edited' }).innerText()).toContain('Paused');
    await page.getByRole('button', { name: 'Resume' }).click();
    await expect.poll(async () => (await sandboxKey('e2e edited'))?.consumptionLimits, { timeout: 20_000 }).toMatchObject({ usd: 8, diem: 1 });
    expect((await vaultRecords()).find((r) => r.veniceId)?.limits).toMatchObject({ usd: 8, diem: 1 });
  });

  for (const scheme of ['light', 'dark'] as const) {
    it(`looks right in ${scheme}`, async () => {
      await page.emulateMedia({ colorScheme: scheme });
      await page.screenshot({ path: path.join(DOCS, `manage-${scheme}.png`) });
      await page.screenshot({ path: path.join(ROOT, 'artifacts', `manage-${scheme}-full.png`), fullPage: true });
    });
  }

  it('revokes it after the typed confirmation: gone from the sandbox, marked revoked in the vault', async () => {
    await page.emulateMedia({ colorScheme: 'light' });
    const target = (await sandboxKey('e2e edited'))!;
    await page.getByRole('button', { name: 'Revoke…' }).click();
    const confirm = page.getByTestId('revoke-confirm');
    await confirm.getByLabel(/Type .* to confirm/).fill(target.last6Chars);
    await screenshot(page, 'manage-revoke');
    await confirm.getByRole('button', { name: `Revoke …${target.last6Chars}` }).click();
    await expect.poll(async () => (await sandboxKeys()).some((k) => k.id === target.id), { timeout: 20_000 }).toBe(false);
    await expect.poll(async () => (await vaultRecords()).find((r) => r.veniceId === target.id)?.revokedAt).toBeTruthy();
    await expect.poll(() => page.getByTestId('keys-count').innerText()).toBe('2 of 2 keys shown');
    // Every admin route went to the sandbox with the ADMIN key; no create was sent twice.
    const requests: Array<{ method: string; path: string }> = (await control(sandbox.origin, 'GET', '/requests')).requests;
    expect(requests.filter((r) => r.method === 'POST' && r.path.endsWith('/api_keys'))).toHaveLength(1);
    expect(await pageErrorsOf(page)).toEqual([]);
  });
});

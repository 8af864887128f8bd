// The Manage keys service over a real vault (fake browser storage) and a fake Venice client:
// ADMIN keys only, the new secret saved first, a lost create never re-sent, pause/resume caps
// remembered in the vault, a revoked key marked in the vault and kept.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createKeyManager, type ManagerDeps } from '../../../lib/manage/manager';
import { veniceError } from '../../../lib/venice/venice-error';
import type { KeyRecord } from '../../../lib/venice/schemas/keys';
import { fakeSecret, freshVault, PASS } from '../vault/helpers';

const API = 'https://api.venice.ai/api/v1';
const NOW = Date.parse('2026-01-10T12:00:00Z');

const record = (over: Partial<KeyRecord> = {}): KeyRecord => ({
  id: 'k-1', apiKeyType: 'INFERENCE', consumptionLimits: { usd: 5, diem: 2 }, limitPeriod: 'EPOCH', modelPrivacy: 'ALL',
  createdAt: new Date(NOW).toISOString(), description: 'bot', expiresAt: null, last6Chars: 'abcdef', lastUsedAt: null, ...over,
});

function fakeClient() {
  const keys = new Map<string, KeyRecord>();
  const api = {
    listKeys: vi.fn(async () => [...keys.values()]),
    getKey: vi.fn(async (id: string) => keys.get(id) ?? Promise.reject(veniceError('KEY_NOT_FOUND'))),
    createKey: vi.fn(async (body: { apiKeyType: 'INFERENCE' | 'ADMIN'; description: string; consumptionLimit?: { usd?: number | null; diem?: number | null } }) => {
      const secret = fakeSecret(body.apiKeyType);
      const key = record({ id: `k-${keys.size + 2}`, apiKeyType: body.apiKeyType, description: body.description, last6Chars: secret.slice(-6), consumptionLimits: { ...body.consumptionLimit } });
      keys.set(key.id, key);
      return { apiKey: secret, apiKeyType: key.apiKeyType, consumptionLimit: key.consumptionLimits, limitPeriod: key.limitPeriod, modelPrivacy: key.modelPrivacy, description: key.description, expiresAt: null, id: key.id };
    }),
    updateKey: vi.fn(async (body: { id: string; consumptionLimit?: { usd?: number | null; diem?: number | null } }) => {
      const key = keys.get(body.id)!;
      key.consumptionLimits = { ...key.consumptionLimits, ...body.consumptionLimit };
      const { usage: _u, currentPeriodUsage: _c, ...base } = key;
      return base;
    }),
    deleteKey: vi.fn(async (id: string) => { keys.delete(id); return { success: true }; }),
    getBillingBalance: vi.fn(),
    getRateLimitLog: vi.fn(),
  };
  return { keys, api };
}

async function setUp() {
  const { vault } = freshVault();
  await vault.setup(PASS, PASS);
  const adminSecret = fakeSecret('ADMIN');
  const admin = await vault.saveKey({ description: 'admin', source: 'imported', apiBaseUrl: API, limits: {}, expiresAt: null }, adminSecret);
  const inference = await vault.saveKey({ description: 'laptop', source: 'imported', apiBaseUrl: API, limits: {}, expiresAt: null }, fakeSecret());
  const fake = fakeClient();
  const client = vi.fn<ManagerDeps['client']>(() => fake.api as never);
  const manager = createKeyManager({ vault: vault as never, client, now: () => NOW });
  return { vault, admin, inference, fake, client, manager, adminSecret };
}

describe('the key manager', () => {
  let s: Awaited<ReturnType<typeof setUp>>;
  beforeEach(async () => { s = await setUp(); });

  it('never sends an INFERENCE key to an admin route: ADMIN_KEY_REQUIRED before any request', async () => {
    await expect(s.manager.list(s.inference.id)).rejects.toMatchObject({ code: 'ADMIN_KEY_REQUIRED' });
    await expect(s.manager.create(s.inference.id, { apiKeyType: 'INFERENCE', description: 'x' })).rejects.toMatchObject({ code: 'ADMIN_KEY_REQUIRED' });
    expect(s.client).not.toHaveBeenCalled();
    expect(s.fake.api.listKeys).not.toHaveBeenCalled();
  });

  it('calls Venice with the ADMIN key the vault holds, on that key\'s API, and refuses while locked', async () => {
    await s.manager.list(s.admin.id);
    expect(s.client).toHaveBeenCalledWith(API);
    expect(s.fake.api.listKeys).toHaveBeenCalledWith({ apiKey: s.adminSecret });
    await s.vault.lock();
    await expect(s.manager.list(s.admin.id)).rejects.toMatchObject({ code: 'VAULT_LOCKED' });
  });

  it('saves a created key in the vault before handing its secret back once', async () => {
    const out = await s.manager.create(s.admin.id, { apiKeyType: 'INFERENCE', description: 'ci', consumptionLimit: { usd: 3 } });
    if (out.outcome !== 'created') throw new Error(out.outcome);
    expect(out.saved).toMatchObject({ veniceId: out.key.id, source: 'created', description: 'ci', limits: { usd: 3, diem: null }, type: 'INFERENCE' });
    await expect(s.vault.reveal(out.saved!.id)).resolves.toBe(out.secret);
  });

  it('shows the secret even when saving fails, and says so', async () => {
    vi.spyOn(s.vault, 'saveKey').mockRejectedValueOnce(Object.assign(new Error('x'), { code: 'VAULT_STORAGE_FAILED' }));
    const out = await s.manager.create(s.admin.id, { apiKeyType: 'INFERENCE', description: 'ci' });
    expect(out).toMatchObject({ outcome: 'created', saved: null, saveError: { code: 'UNKNOWN' } });
  });

  it('never re-sends a create whose answer was lost: lists again and offers the new key for revoking', async () => {
    s.fake.keys.set('old', record({ id: 'old', description: 'ci', createdAt: new Date(NOW - 3_600_000).toISOString() }));
    s.fake.api.createKey.mockImplementationOnce(async () => {
      s.fake.keys.set('ghost', record({ id: 'ghost', description: 'ci' }));
      throw veniceError('NETWORK_ERROR');
    });
    const out = await s.manager.create(s.admin.id, { apiKeyType: 'INFERENCE', description: 'ci' });
    expect(s.fake.api.createKey).toHaveBeenCalledTimes(1);
    expect(out).toMatchObject({ outcome: 'lost', listed: true, orphans: [{ id: 'ghost' }] });
  });

  it('explains 429 with the wait Venice asked for, and the 500-key cap', async () => {
    s.fake.api.createKey.mockRejectedValueOnce(veniceError('RATE_LIMITED', undefined, { status: 429, retryAfterMs: 41_200 }));
    await expect(s.manager.create(s.admin.id, { apiKeyType: 'INFERENCE', description: 'a' })).resolves.toEqual({ outcome: 'rate-limited', retryAfterSeconds: 42 });
    s.fake.api.createKey.mockRejectedValueOnce(veniceError('KEY_CAP_REACHED', undefined, { status: 400 }));
    await expect(s.manager.create(s.admin.id, { apiKeyType: 'INFERENCE', description: 'a' })).resolves.toEqual({ outcome: 'cap-reached' });
    s.fake.api.createKey.mockRejectedValueOnce(veniceError('INVALID_REQUEST', undefined, { status: 400 }));
    await expect(s.manager.create(s.admin.id, { apiKeyType: 'INFERENCE', description: 'a' })).rejects.toMatchObject({ code: 'INVALID_REQUEST' });
    expect(s.fake.api.listKeys).not.toHaveBeenCalled();
  });

  it('pauses with caps at zero, remembering the caps in the vault, and resumes with them', async () => {
    const out = await s.manager.create(s.admin.id, { apiKeyType: 'INFERENCE', description: 'ci', consumptionLimit: { usd: 7, diem: 1 } });
    if (out.outcome !== 'created') throw new Error(out.outcome);
    const paused = await s.manager.pause(s.admin.id, out.key.id);
    expect(paused.consumptionLimits).toMatchObject({ usd: 0, diem: 0 });
    expect(await s.vault.pausedCaps()).toEqual({ [out.key.id]: { usd: 7, diem: 1 } });
    await s.manager.pause(s.admin.id, out.key.id); // twice: the caps from before the first pause stay
    expect((await s.manager.list(s.admin.id)).paused).toEqual([out.key.id]);
    const resumed = await s.manager.resume(s.admin.id, out.key.id);
    expect(resumed.consumptionLimits).toMatchObject({ usd: 7, diem: 1 });
    expect(await s.vault.pausedCaps()).toEqual({});
    // The vault's copy follows, and still opens (sealed again to its new metadata).
    const status = await s.vault.status();
    if (status.state !== 'unlocked') throw new Error(status.state);
    expect(status.records.find((r) => r.id === out.saved!.id)?.limits).toEqual({ usd: 7, diem: 1 });
    await expect(s.vault.reveal(out.saved!.id)).resolves.toBe(out.secret);
  });

  it('marks a revoked key the vault holds as revoked, and keeps it', async () => {
    const out = await s.manager.create(s.admin.id, { apiKeyType: 'INFERENCE', description: 'ci' });
    if (out.outcome !== 'created') throw new Error(out.outcome);
    const venice = s.fake.keys.get(out.key.id)!;
    await expect(s.manager.revoke(s.admin.id, venice)).resolves.toEqual({ marked: 1 });
    expect(s.fake.keys.has(out.key.id)).toBe(false);
    const status = await s.vault.status();
    if (status.state !== 'unlocked') throw new Error(status.state);
    expect(status.records.find((r) => r.id === out.saved!.id)?.revokedAt).toBe(new Date(NOW).toISOString());
    await expect(s.vault.reveal(out.saved!.id)).resolves.toBe(out.secret);
  });
});

describe('the popup\'s "Revoke on Venice too"', () => {
  it('revokes an imported key (no Venice id) found by its last six and type, and marks it', async () => {
    const s = await setUp();
    const secret = fakeSecret();
    const imported = await s.vault.saveKey({ description: 'cli', source: 'imported', apiBaseUrl: API, limits: {}, expiresAt: null }, secret);
    s.fake.keys.set('k-cli', record({ id: 'k-cli', last6Chars: secret.slice(-6) }));
    s.fake.keys.set('k-other', record({ id: 'k-other', last6Chars: 'zzzzzz' }));
    await expect(s.manager.revokeRecord(s.admin.id, imported.id)).resolves.toEqual({ marked: 1 });
    expect([...s.fake.keys.keys()]).toEqual(['k-other']);
    await expect(s.manager.revokeRecord(s.admin.id, s.inference.id)).rejects.toMatchObject({ code: 'KEY_DELETE_NOT_FOUND' });
    expect(s.fake.api.deleteKey).toHaveBeenCalledTimes(1);
  });
});

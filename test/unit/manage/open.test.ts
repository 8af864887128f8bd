// The Manage keys page's first question (lib/manage/open.ts): the vault's status, then the list
// through the first usable ADMIN key; nothing asked of Venice for a locked or INFERENCE-only vault;
// the list's error kept as data beside the status.
import { describe, expect, it, vi } from 'vitest';
import { openPage } from '../../../lib/manage/open';
import type { KeyMeta } from '../../../lib/vault/record';

const meta = (over: Partial<KeyMeta>): KeyMeta => ({
  id: crypto.randomUUID(), last6: 'aaaaaa', type: 'ADMIN', description: 'ops', source: 'imported', apiBaseUrl: 'https://api.venice.ai/api/v1',
  createdAt: '2026-01-01T00:00:00.000Z', limits: {}, expiresAt: null, ...over,
});
const unlocked = (records: KeyMeta[]) => ({ state: 'unlocked' as const, records });

describe('openPage', () => {
  it('lists through the first ADMIN key not marked revoked, once', async () => {
    const records = [meta({ type: 'INFERENCE' }), meta({ revokedAt: '2026-01-02T00:00:00.000Z' }), meta({}), meta({})];
    const list = vi.fn(async () => ({ keys: [], paused: ['k-1'] }));
    const view = await openPage({ status: async () => unlocked(records), list });
    expect(list.mock.calls).toEqual([[records[2]!.id]]);
    expect(view).toEqual({ status: unlocked(records), list: { adminId: records[2]!.id, keys: [], paused: ['k-1'] } });
  });

  it.each([
    ['an INFERENCE-only vault', unlocked([meta({ type: 'INFERENCE' })])],
    ['a locked vault', { state: 'locked', records: [meta({})] }],
    ['no vault', { state: 'not-set-up' }],
  ])('asks nothing more with %s', async (_name, status) => {
    const list = vi.fn();
    expect(await openPage({ status: async () => status, list })).toEqual({ status, list: null });
    expect(list).not.toHaveBeenCalled();
  });

  it("keeps the list's error beside the status; a failed status is the caller's", async () => {
    const admin = meta({});
    const refused = { code: 'ADMIN_KEY_REQUIRED', message: 'This needs an admin API key.', action: 'use_admin_key' };
    const view = await openPage({ status: async () => unlocked([admin]), list: () => Promise.reject(refused) });
    expect(view.list).toEqual({ adminId: admin.id, error: refused });
    await expect(openPage({ status: () => Promise.reject(new Error('gone')), list: vi.fn() })).rejects.toThrow('gone');
  });
});

// The Manage keys page's first question, `manage.open`, over the message protocol: the vault's
// status and the list through the first ADMIN key in one round trip; nothing sent to Venice for a
// locked or INFERENCE-only vault; Venice's error handed back as data beside the status.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { manageRoutes, wireError } from '../../../entrypoints/background/routes';
import { createKeyManager } from '../../../lib/manage/manager';
import { call } from '../../../lib/messaging/call';
import { createDispatcher, type Sender } from '../../../lib/messaging/handle';
import { manageContracts } from '../../../lib/messaging/manage';
import type { RequestEnvelope } from '../../../lib/messaging/protocol';
import type { KeyRecord } from '../../../lib/venice/schemas/keys';
import { veniceError } from '../../../lib/venice/venice-error';
import { fakeSecret, freshVault, PASS } from '../vault/helpers';

const API = 'https://api.venice.ai/api/v1';
const NOW = Date.parse('2026-01-10T12:00:00Z');
const page: Sender = { id: 'ext', url: 'chrome-extension://ext/manage.html' };
const listed: KeyRecord = {
  id: 'k-9', apiKeyType: 'INFERENCE', consumptionLimits: { usd: 5, diem: null }, limitPeriod: 'EPOCH', modelPrivacy: 'ALL',
  createdAt: new Date(NOW).toISOString(), description: 'bot', expiresAt: null, last6Chars: 'abcdef', lastUsedAt: null,
};

async function setUp(kinds: Array<'ADMIN' | 'INFERENCE'>) {
  const { vault } = freshVault();
  await vault.setup(PASS, PASS);
  const secrets: string[] = [];
  const saved = [];
  for (const [i, kind] of kinds.entries()) {
    secrets.push(fakeSecret(kind));
    saved.push(await vault.saveKey({ description: `key ${i}`, source: 'imported', apiBaseUrl: API, limits: {}, expiresAt: null }, secrets[i]!));
  }
  const listKeys = vi.fn(async (_o: { apiKey: string }) => [listed]);
  const client = vi.fn(() => ({ listKeys }) as never);
  const manage = createKeyManager({ vault: vault as never, client, now: () => NOW });
  const dispatch = createDispatcher(manageContracts, manageRoutes({ manage, vault } as never), {
    authorize: (audience, sender) => audience === 'extension-page' && !sender.tab,
    toWireError: wireError,
  });
  const open = () => call(async (envelope: RequestEnvelope) => dispatch(envelope, page), manageContracts, 'manage.open', {});
  return { vault, saved, secrets, listKeys, client, open };
}

describe('manage.open', () => {
  beforeEach(() => { vi.restoreAllMocks(); });

  it('answers the status and the list through the first ADMIN key, with one request to Venice', async () => {
    const s = await setUp(['INFERENCE', 'ADMIN', 'ADMIN']);
    const view = await s.open();
    expect(view.status).toMatchObject({ state: 'unlocked', records: expect.any(Array) });
    expect(view.list).toEqual({ adminId: s.saved[1]!.id, keys: [listed], paused: [] });
    expect(s.listKeys.mock.calls).toEqual([[{ apiKey: s.secrets[1] }]]);
    expect(s.client).toHaveBeenCalledWith(API);
  });

  it('skips an ADMIN key marked revoked, and sends nothing for an INFERENCE-only vault', async () => {
    const s = await setUp(['ADMIN', 'INFERENCE']);
    await s.vault.updateMeta(s.saved[0]!.id, { revokedAt: new Date(NOW).toISOString() });
    const view = await s.open();
    expect(view.status.state).toBe('unlocked');
    expect(view.list).toBeNull();
    expect(s.client).not.toHaveBeenCalled();
  });

  it('sends nothing while the vault is locked', async () => {
    const s = await setUp(['ADMIN']);
    await s.vault.lock();
    const view = await s.open();
    expect(view).toMatchObject({ status: { state: 'locked' }, list: null });
    expect(s.listKeys).not.toHaveBeenCalled();
  });

  it("hands Venice's refusal back as data beside the status, in the table's words", async () => {
    const s = await setUp(['ADMIN']);
    s.listKeys.mockRejectedValueOnce(veniceError('ADMIN_KEY_REQUIRED'));
    const view = await s.open();
    expect(view.status.state).toBe('unlocked');
    expect(view.list).toMatchObject({ adminId: s.saved[0]!.id, error: { code: 'ADMIN_KEY_REQUIRED', message: expect.any(String) } });
    expect(JSON.stringify(view)).not.toContain(s.secrets[0]);
  });
});

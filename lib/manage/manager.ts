/**
 * The Manage keys page's service: every admin route of Venice, called with an ADMIN key the
 * vault holds, named by its record id. The secret never leaves the background, except a newly
 * created key's, handed back once to be shown. An INFERENCE key is refused here, before anything
 * is sent. A create is never sent twice: when its answer is lost the keys are listed again and the
 * ones that look new are returned, to be offered for revoking (their secret is gone).
 */
import { AppException, appError, toAppError, type AppError, type ErrorCode } from '../errors';
import type { PausedCaps } from '../vault/format';
import type { KeyMeta, KeyMetaPatch, NewKeyMeta } from '../vault/record';
import type { VeniceClient } from '../venice/client';
import type { CreateKeyBody, CreatedKey, KeyRecord, UpdateKeyBody } from '../venice/schemas/keys';
import { holds, recordsHolding, type VeniceKeyRef } from './held';

type VaultView = { state: 'unlocked'; records: KeyMeta[] } | { state: 'not-set-up' | 'damaged' | 'locked' };

export interface ManagerDeps {
  vault: {
    status(): Promise<VaultView>;
    /** A person's use: counts as activity for the auto-lock. */
    reveal(id: string): Promise<string>;
    saveKey(meta: NewKeyMeta, secret: string): Promise<KeyMeta>;
    updateMeta(id: string, patch: KeyMetaPatch): Promise<KeyMeta>;
    pausedCaps(): Promise<Record<string, PausedCaps>>;
    setPausedCaps(veniceId: string, caps: PausedCaps | null): Promise<void>;
  };
  /** A Venice client for this API address (the admin key's own). */
  client: (apiBaseUrl: string) => Pick<VeniceClient, 'listKeys' | 'getKey' | 'createKey' | 'updateKey' | 'deleteKey' | 'getBillingBalance' | 'getRateLimitLog'>;
  now: () => number;
}

/** Errors after which a POST may have reached Venice: its answer was lost, not its effect. */
const ANSWER_LOST: ReadonlySet<ErrorCode> = new Set(['NETWORK_ERROR', 'TIMEOUT', 'MALFORMED_RESPONSE', 'ABORTED', 'SERVER_ERROR', 'SERVICE_UNAVAILABLE', 'UNKNOWN']);
/** How far back a key's creation may be (server clock against ours) to count as the lost one. */
const LOST_WINDOW_MS = 10 * 60_000;

export type CreateOutcome =
  | { outcome: 'created'; key: Omit<CreatedKey, 'apiKey'>; secret: string; saved: KeyMeta | null; saveError: AppError | null }
  | { outcome: 'rate-limited'; retryAfterSeconds: number }
  | { outcome: 'cap-reached' }
  | { outcome: 'lost'; listed: boolean; orphans: KeyRecord[] };

const fail = (code: ErrorCode, detail?: string): never => { throw new AppException(appError(code, detail)); };
const capsOf = (limits: { usd?: number | null; diem?: number | null }): PausedCaps => ({ usd: limits.usd ?? null, diem: limits.diem ?? null });

export function createKeyManager({ vault, client, now }: ManagerDeps) {
  /** The chosen ADMIN record, its secret and a client for its API; nothing is sent for any other key. */
  async function admin(adminId: string) {
    const status = await vault.status();
    if (status.state !== 'unlocked') return fail('VAULT_LOCKED');
    const record = status.records.find((r) => r.id === adminId) ?? fail('KEY_NOT_FOUND');
    if (record.type !== 'ADMIN') fail('ADMIN_KEY_REQUIRED', 'The chosen key is an INFERENCE key; nothing was sent.');
    const apiKey = await vault.reveal(adminId);
    return { record, records: status.records, api: client(record.apiBaseUrl), o: { apiKey } };
  }

  /** Applies `patch` to every vault record holding `key`. */
  async function updateHeld(records: KeyMeta[], key: VeniceKeyRef, apiBaseUrl: string, patch: KeyMetaPatch): Promise<number> {
    const held = recordsHolding(records, key, apiBaseUrl);
    for (const record of held) await vault.updateMeta(record.id, patch);
    return held.length;
  }

  async function revokeWith({ api, o, records, record }: Awaited<ReturnType<typeof admin>>, key: VeniceKeyRef) {
    await api.deleteKey(key.id, o);
    const marked = await updateHeld(records, key, record.apiBaseUrl, { revokedAt: new Date(now()).toISOString() });
    if ((await vault.pausedCaps())[key.id]) await vault.setPausedCaps(key.id, null);
    return { marked };
  }

  async function patch(adminId: string, body: UpdateKeyBody) {
    const { api, o, records, record } = await admin(adminId);
    const updated = await api.updateKey(body, o);
    await updateHeld(records, updated, record.apiBaseUrl, {
      description: updated.description ?? '',
      limits: capsOf(updated.consumptionLimits),
      limitPeriod: updated.limitPeriod,
      modelPrivacy: updated.modelPrivacy,
      expiresAt: updated.expiresAt,
    });
    return updated;
  }

  return {
    async list(adminId: string) {
      const { api, o } = await admin(adminId);
      const keys = await api.listKeys(o);
      return { keys, paused: Object.keys(await vault.pausedCaps()) };
    },
    async get(adminId: string, id: string) {
      const { api, o } = await admin(adminId);
      return api.getKey(id, o);
    },
    async create(adminId: string, body: CreateKeyBody): Promise<CreateOutcome> {
      const { api, o, record, records } = await admin(adminId);
      const startedAt = now();
      let created;
      try {
        created = await api.createKey(body, o);
      } catch (error) {
        const app = toAppError(error);
        if (app.code === 'RATE_LIMITED') {
          const wait = (error as { retryAfterMs?: number }).retryAfterMs;
          return { outcome: 'rate-limited', retryAfterSeconds: Math.max(1, Math.ceil((wait ?? 60_000) / 1000)) };
        }
        if (app.code === 'KEY_CAP_REACHED') return { outcome: 'cap-reached' };
        if (!ANSWER_LOST.has(app.code)) throw error;
        // Never sent again: find what it may have created.
        const keys = await api.listKeys(o).catch(() => null);
        const orphans = (keys ?? []).filter((k) =>
          k.apiKeyType === body.apiKeyType && (k.description ?? '') === body.description &&
          k.createdAt !== null && Date.parse(k.createdAt) >= startedAt - LOST_WINDOW_MS &&
          recordsHolding(records, k, record.apiBaseUrl).length === 0);
        return { outcome: 'lost', listed: keys !== null, orphans };
      }
      const { apiKey: secret, ...key } = created;
      const meta: NewKeyMeta = {
        veniceId: key.id, type: key.apiKeyType, description: body.description, source: 'created', apiBaseUrl: record.apiBaseUrl,
        limits: capsOf(body.consumptionLimit ?? {}), limitPeriod: key.limitPeriod, modelPrivacy: key.modelPrivacy, expiresAt: key.expiresAt,
      };
      try {
        return { outcome: 'created', key, secret, saved: await vault.saveKey(meta, secret), saveError: null };
      } catch (error) {
        // The secret is shown once anyway (never lost); the page says it was not saved.
        return { outcome: 'created', key, secret, saved: null, saveError: toAppError(error) };
      }
    },
    update: patch,
    /** Caps to zero; the caps before are remembered in the vault first, so Resume can put them back. */
    async pause(adminId: string, id: string) {
      const { api, o } = await admin(adminId);
      const before = capsOf((await api.getKey(id, o)).consumptionLimits);
      const remembered = (await vault.pausedCaps())[id];
      // Paused twice: keep the caps from before the first pause.
      if (!remembered) await vault.setPausedCaps(id, before);
      return patch(adminId, { id, consumptionLimit: { usd: 0, diem: 0 } });
    },
    async resume(adminId: string, id: string) {
      const caps = (await vault.pausedCaps())[id] ?? fail('INVALID_REQUEST', 'No caps were remembered for this key; set them with Edit.');
      const updated = await patch(adminId, { id, consumptionLimit: caps });
      await vault.setPausedCaps(id, null);
      return updated;
    },
    /** Revokes at Venice, then marks the vault's copies revoked (kept until the person removes them). */
    async revoke(adminId: string, key: VeniceKeyRef) {
      return revokeWith(await admin(adminId), key);
    },
    /** The popup's "Revoke on Venice too": a key of the vault, found at Venice by its id, or listed and matched (imported keys). */
    async revokeRecord(adminId: string, recordId: string) {
      const used = await admin(adminId);
      const target = used.records.find((r) => r.id === recordId) ?? fail('KEY_NOT_FOUND');
      const key = target.veniceId
        ? { id: target.veniceId, last6Chars: target.last6, apiKeyType: target.type }
        : (await used.api.listKeys(used.o)).find((k) => holds(target, k, used.record.apiBaseUrl)) ?? fail('KEY_DELETE_NOT_FOUND');
      return revokeWith(used, key);
    },
    async balance(adminId: string) {
      const { api, o } = await admin(adminId);
      return api.getBillingBalance(o);
    },
    async rateLimitLog(adminId: string) {
      const { api, o } = await admin(adminId);
      return api.getRateLimitLog(o);
    },
  };
}

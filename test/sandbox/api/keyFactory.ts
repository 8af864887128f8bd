// Creating a key (POST /api_keys and the web3 mint share this): the 500-active-keys cap, expiry
// parsing, and the one-time secret.
import { randomBytes } from 'node:crypto';
import type { SandboxClock } from './clock';
import { fail, type Reply } from './reply';
import { expiryToIso, type CreateKeyBody } from './schemas';
import { type Account, type Caps, type KeyRecord, type Store, hashSecret, isActive } from './store';

export const MAX_ACTIVE_KEYS = 500;

export function capsFrom(limit: CreateKeyBody['consumptionLimit']): Caps {
  return { usd: limit?.usd ?? null, diem: limit?.diem ?? null, vcu: limit?.vcu ?? null };
}

/** A past or impossible date is refused, with the same DetailedError shape as other bad fields. */
export function parseExpiry(value: string | null | undefined, now: number): string | null | Reply {
  const iso = expiryToIso(value);
  if (iso === undefined || (iso !== null && Date.parse(iso) <= now)) {
    const message = iso === undefined ? 'Invalid date' : 'Expiration date must be in the future';
    return fail(400, 'Invalid request parameters', { details: { _errors: [], expiresAt: { _errors: [message] } }, issues: [] });
  }
  return iso;
}

export function createKey(
  store: Store,
  clock: SandboxClock,
  account: Account,
  body: Omit<CreateKeyBody, 'description'> & { description: string },
): { key: KeyRecord; secret: string } | Reply {
  const now = clock.now();
  const expiresAt = parseExpiry(body.expiresAt, now);
  if (expiresAt !== null && typeof expiresAt !== 'string') return expiresAt;
  const active = store.keysOf(account.id).filter((key) => isActive(key, now)).length;
  if (active >= MAX_ACTIVE_KEYS) {
    return fail(400, `Maximum number of active API keys (${MAX_ACTIVE_KEYS}) reached. Delete a key before creating another.`);
  }
  const secret = `VENICE_${body.apiKeyType}_KEY_${randomBytes(32).toString('base64url')}`;
  const key: KeyRecord = {
    id: crypto.randomUUID(),
    accountId: account.id,
    secretHash: hashSecret(secret),
    last6Chars: secret.slice(-6),
    apiKeyType: body.apiKeyType,
    description: body.description,
    createdAt: new Date(now).toISOString(),
    expiresAt,
    lastUsedAt: null,
    consumptionLimits: capsFrom(body.consumptionLimit),
    limitPeriod: body.limitPeriod ?? 'EPOCH',
    modelPrivacy: body.modelPrivacy ?? 'ALL',
    usage: [],
    accessPermitted: true,
  };
  store.addKey(key);
  return { key, secret };
}

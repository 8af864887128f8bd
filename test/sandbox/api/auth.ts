// Bearer authentication: no header -> 402 challenge; unknown or expired key -> 401; INFERENCE key
// on an admin route -> 401 "Admin API key required".
import { paymentRequired } from './challenge';
import type { Ctx } from './context';
import { fail, type Reply } from './reply';
import { type Account, type KeyRecord, isActive } from './store';

export interface Authed {
  key: KeyRecord;
  account: Account;
}

export function bearerOf(ctx: Ctx): string | undefined {
  const header = ctx.headers.authorization;
  if (typeof header !== 'string') return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match?.[1];
}

export function authenticate(ctx: Ctx, need: 'any' | 'admin'): Authed | Reply {
  if (ctx.headers.authorization === undefined) return paymentRequired(ctx);
  const secret = bearerOf(ctx);
  const { store, clock } = ctx.deps;
  const key = secret === undefined ? undefined : store.keyBySecret(secret);
  const account = key ? store.account(key.accountId) : undefined;
  if (!key || !account || !isActive(key, clock.now())) return fail(401, 'Authentication failed');
  ctx.keyId = key.id;
  ctx.accountId = account.id;
  if (need === 'admin' && key.apiKeyType !== 'ADMIN') return fail(401, 'Admin API key required');
  key.lastUsedAt = clock.iso();
  store.save();
  return { key, account };
}

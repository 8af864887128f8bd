// GET/POST/DELETE /api_keys and GET /api_keys/{id} (ADMIN keys only).
import { authenticate } from '../auth';
import type { Handler } from '../context';
import { createKey } from '../keyFactory';
import { createdKeyAnswer, fullRecord } from '../keyView';
import { fail, isReply, ok } from '../reply';
import { createKeyBody, deleteKeyBody, parseBody } from '../schemas';
import { isActive } from '../store';

export const listKeys: Handler = (ctx) => {
  const auth = authenticate(ctx, 'admin');
  if (isReply(auth)) return auth;
  const now = ctx.deps.clock.now();
  const keys = ctx.deps.store
    .keysOf(auth.account.id)
    .filter((key) => isActive(key, now))
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id))
    .map((key) => fullRecord(key, now));
  return ok({ object: 'list', data: keys });
};

export const getKey: Handler = (ctx) => {
  const auth = authenticate(ctx, 'admin');
  if (isReply(auth)) return auth;
  const now = ctx.deps.clock.now();
  const key = ctx.deps.store.data.keys[ctx.params.id ?? ''];
  if (!key || key.accountId !== auth.account.id || !isActive(key, now)) return fail(400, 'API key not found or expired');
  return ok({ data: fullRecord(key, now) });
};

export const createApiKey: Handler = (ctx) => {
  const auth = authenticate(ctx, 'admin');
  if (isReply(auth)) return auth;
  const { limits, store, clock } = ctx.deps;
  const gate = limits.creation(auth.account.id);
  if (!gate.allowed) return { ...fail(429, 'Rate limit exceeded'), headers: gate.headers };
  const parsed = parseBody(createKeyBody, ctx.body, ctx.bodyIsJson);
  if (!parsed.ok) return { ...parsed.reply, headers: gate.headers };
  const created = createKey(store, clock, auth.account, parsed.value);
  if (isReply(created)) return { ...created, headers: gate.headers };
  const { key, secret } = created;
  ctx.deps.issued.key(secret);
  return ok(createdKeyAnswer(key, secret, { ...key.consumptionLimits }), gate.headers);
};

/** DELETE /api_keys?id=<id>, or with a JSON body {id}. Revokes at once. */
export const deleteApiKey: Handler = (ctx) => {
  const auth = authenticate(ctx, 'admin');
  if (isReply(auth)) return auth;
  let id = ctx.url.searchParams.get('id') ?? undefined;
  if (id === undefined || id === '') {
    const parsed = parseBody(deleteKeyBody, ctx.body, ctx.bodyIsJson);
    if (!parsed.ok) return parsed.reply;
    const body = parsed.value;
    id = body.id;
  }
  const key = ctx.deps.store.data.keys[id];
  if (!key || key.accountId !== auth.account.id) return fail(400, 'API key could not be found');
  ctx.deps.store.removeKey(key.id);
  return ok({ success: true });
};

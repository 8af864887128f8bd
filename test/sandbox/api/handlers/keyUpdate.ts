// PATCH /api_keys: only the fields sent change; a cap set to null is removed; "" or null removes
// the expiry; apiKeyType cannot change (the strict body refuses it).
import { authenticate } from '../auth';
import type { Handler } from '../context';
import { parseExpiry } from '../keyFactory';
import { baseRecord } from '../keyView';
import { fail, isReply, ok } from '../reply';
import { parseBody, updateKeyBody } from '../schemas';
import { isActive } from '../store';

export const updateApiKey: Handler = (ctx) => {
  const auth = authenticate(ctx, 'admin');
  if (isReply(auth)) return auth;
  const parsed = parseBody(updateKeyBody, ctx.body, ctx.bodyIsJson);
  if (!parsed.ok) return parsed.reply;
  const body = parsed.value;
  const { store, clock } = ctx.deps;
  const now = clock.now();
  const key = store.data.keys[body.id];
  if (!key || key.accountId !== auth.account.id || !isActive(key, now)) return fail(400, 'API key not found or expired');

  let expiresAt = key.expiresAt;
  if (body.expiresAt !== undefined) {
    const parsed = parseExpiry(body.expiresAt, now);
    if (parsed !== null && typeof parsed !== 'string') return parsed;
    expiresAt = parsed;
  }
  if (body.description !== undefined) key.description = body.description;
  if (body.limitPeriod !== undefined) key.limitPeriod = body.limitPeriod;
  if (body.modelPrivacy !== undefined) key.modelPrivacy = body.modelPrivacy;
  for (const field of ['usd', 'diem', 'vcu'] as const) {
    const value = body.consumptionLimit?.[field];
    if (value !== undefined) key.consumptionLimits[field] = value;
  }
  key.expiresAt = expiresAt;
  store.save();
  return ok({ success: true, data: baseRecord(key) });
};

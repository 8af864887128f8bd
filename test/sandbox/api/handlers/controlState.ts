// /__sandbox/ control routes over the stored state: keys, accounts, the rate-limit log, x402 credit.
import { isAddress } from 'viem';
import { z } from 'zod';
import type { Ctx, Handler } from '../context';
import { fullRecord } from '../keyView';
import { fail, ok, type Reply } from '../reply';
import type { Route } from '../router';
import { parseBody } from '../schemas';
import type { KeyRecord } from '../store';
import { DEFAULT_USAGE_MODEL, USAGE_MODELS } from '../usage';

const amount = z.number().finite().min(0);

/** A key record as tests see it: no secret (the sandbox never keeps one), plus its account and flags. */
function controlView(key: KeyRecord, now: number) {
  return { ...fullRecord(key, now), accountId: key.accountId, accessPermitted: key.accessPermitted };
}

function withKey(ctx: Ctx, then: (key: KeyRecord) => Reply): Reply {
  const key = ctx.deps.store.keyByRef(ctx.params.ref ?? '');
  return key ? then(key) : fail(404, 'No such key (give its id or its last 6 characters)');
}

const setAccess: Handler = (ctx) => {
  const parsed = parseBody(z.strictObject({ permitted: z.boolean() }), ctx.body, ctx.bodyIsJson);
  if (!parsed.ok) return parsed.reply;
  const body = parsed.value;
  return withKey(ctx, (key) => {
    key.accessPermitted = body.permitted;
    ctx.deps.store.save();
    return ok({ key: controlView(key, ctx.deps.clock.now()) });
  });
};

const revoke: Handler = (ctx) => withKey(ctx, (key) => (ctx.deps.store.removeKey(key.id), ok({ ok: true, id: key.id })));

const usageBody = z.strictObject({
  usd: amount.optional(),
  diem: amount.optional(),
  model: z.enum(Object.keys(USAGE_MODELS) as [string, ...string[]]).optional(),
  promptTokens: z.number().int().min(0).optional(),
  completionTokens: z.number().int().min(0).optional(),
  /** Back-dates the usage (ISO date-time, not in the future): analytics and the ledger place it then. */
  at: z.string().datetime().optional(),
});
let usageSeq = 0;

const addUsage: Handler = (ctx) => {
  const parsed = parseBody(usageBody, ctx.body, ctx.bodyIsJson);
  if (!parsed.ok) return parsed.reply;
  const body = parsed.value;
  return withKey(ctx, (key) => {
    const { store, clock } = ctx.deps;
    const usd = body.usd ?? 0;
    const diem = body.diem ?? 0;
    const at = body.at === undefined ? clock.now() : Date.parse(body.at);
    if (at > clock.now()) return fail(400, 'Usage cannot be recorded in the future');
    usageSeq = Math.max(usageSeq, ...store.keysOf(key.accountId).flatMap((k) => k.usage.map((e) => e.seq ?? 0))) + 1;
    const { model, promptTokens, completionTokens } = body;
    key.usage.push({ at, usd, diem, model: model ?? DEFAULT_USAGE_MODEL, promptTokens, completionTokens, seq: usageSeq });
    const account = store.account(key.accountId);
    if (account) {
      // Spend like the real API: DIEM, then bundled credits, then USD.
      account.balances.diem = Math.max(0, account.balances.diem - diem);
      const fromBundled = Math.min(account.balances.bundled, usd);
      account.balances.bundled -= fromBundled;
      account.balances.usd = Math.max(0, account.balances.usd - (usd - fromBundled));
    }
    store.save();
    return ok({ key: controlView(key, clock.now()) });
  });
};

const balanceBody = z.strictObject({ usd: amount.optional(), diem: amount.optional(), bundled: amount.optional(), diemEpochAllocation: amount.optional() });

const setBalance: Handler = (ctx) => {
  const address = ctx.params.address ?? '';
  if (!isAddress(address, { strict: false })) return fail(400, 'Invalid wallet address');
  const parsed = parseBody(balanceBody, ctx.body, ctx.bodyIsJson);
  if (!parsed.ok) return parsed.reply;
  const body = parsed.value;
  const { store, clock } = ctx.deps;
  const account = store.accountForWallet(address, () => ({ balances: { usd: 0, diem: 0, bundled: 0 }, diemEpochAllocation: 0 }), clock.iso());
  account.balances = { usd: body.usd ?? account.balances.usd, diem: body.diem ?? account.balances.diem, bundled: body.bundled ?? account.balances.bundled };
  account.diemEpochAllocation = body.diemEpochAllocation ?? Math.max(account.diemEpochAllocation, account.balances.diem);
  store.save();
  return ok({ account });
};

const breachBody = z.strictObject({
  key: z.string(),
  modelId: z.string().default('zai-org-glm-5'),
  rateLimitType: z.enum(['RPD', 'RPM', 'TPM', 'FAILED_REQUESTS', 'UNSUPPORTED_FEATURE_REQUESTS']).default('RPM'),
  rateLimitTier: z.string().default('paid'),
});

const addBreach: Handler = (ctx) => {
  const parsed = parseBody(breachBody, ctx.body, ctx.bodyIsJson);
  if (!parsed.ok) return parsed.reply;
  const body = parsed.value;
  const key = ctx.deps.store.keyByRef(body.key);
  if (!key) return fail(404, 'No such key (give its id or its last 6 characters)');
  const { key: _ref, ...rest } = body;
  const entry = { ...rest, accountId: key.accountId, apiKeyId: key.id, timestamp: ctx.deps.clock.iso() };
  ctx.deps.store.logBreach(entry);
  return ok({ entry });
};

const setX402: Handler = (ctx) => {
  const parsed = parseBody(z.strictObject({ usd: amount }), ctx.body, ctx.bodyIsJson);
  if (!parsed.ok) return parsed.reply;
  const body = parsed.value;
  const address = (ctx.params.address ?? '').toLowerCase();
  ctx.deps.store.data.x402[address] = body.usd;
  ctx.deps.store.save();
  return ok({ walletAddress: address, balanceUsd: body.usd });
};

export const stateControlRoutes: Route[] = [
  { method: 'GET', pattern: '/__sandbox/keys', handler: (ctx) => ok({ keys: Object.values(ctx.deps.store.data.keys).map((key) => controlView(key, ctx.deps.clock.now())) }) },
  { method: 'POST', pattern: '/__sandbox/keys/{ref}/access', handler: setAccess },
  { method: 'POST', pattern: '/__sandbox/keys/{ref}/revoke', handler: revoke },
  { method: 'POST', pattern: '/__sandbox/keys/{ref}/usage', handler: addUsage },
  { method: 'GET', pattern: '/__sandbox/accounts', handler: (ctx) => ok({ accounts: Object.values(ctx.deps.store.data.accounts) }) },
  { method: 'POST', pattern: '/__sandbox/accounts/{address}/balance', handler: setBalance },
  { method: 'POST', pattern: '/__sandbox/rate_limits/log', handler: addBreach },
  { method: 'POST', pattern: '/__sandbox/x402/{address}/balance', handler: setX402 },
];

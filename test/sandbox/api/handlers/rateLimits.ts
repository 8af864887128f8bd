// GET /api_keys/rate_limits (any key) and GET /api_keys/rate_limits/log (ADMIN).
import { authenticate } from '../auth';
import { nextUtcMidnight } from '../clock';
import type { Handler } from '../context';
import { remainingUnderCaps } from '../keyView';
import { API_TIER, MODEL_RATE_LIMITS } from '../models';
import { isReply, ok } from '../reply';
import type { Account, KeyRecord } from '../store';

const round = (value: number) => Math.round(value * 1e6) / 1e6;

/** What the key can spend now: account balances clamped to the key's remaining caps. */
export function keyBalances(key: KeyRecord, account: Account, now: number) {
  const remaining = remainingUnderCaps(key, now);
  const diem = Math.min(account.balances.diem, remaining.diem);
  // The USD cap covers bundled credits and USD together; bundled credits are spent first.
  const bundled = Math.min(account.balances.bundled, remaining.usd);
  const usd = Math.min(account.balances.usd, Math.max(0, remaining.usd - bundled));
  return { USD: round(usd), DIEM: round(diem), BUNDLED_CREDITS: round(bundled) };
}

export const rateLimits: Handler = (ctx) => {
  const auth = authenticate(ctx, 'any');
  if (isReply(auth)) return auth;
  const now = ctx.deps.clock.now();
  const balances = keyBalances(auth.key, auth.account, now);
  const canSpend = balances.USD + balances.DIEM + balances.BUNDLED_CREDITS > 0;
  return ok({
    data: {
      accessPermitted: auth.key.accessPermitted && canSpend,
      apiTier: { ...API_TIER },
      balances,
      keyExpiration: auth.key.expiresAt,
      nextEpochBegins: new Date(nextUtcMidnight(now)).toISOString(),
      rateLimits: MODEL_RATE_LIMITS.map((model) => ({ apiModelId: model.apiModelId, rateLimits: model.rateLimits.map((limit) => ({ ...limit })) })),
    },
  });
};

export const rateLimitLog: Handler = (ctx) => {
  const auth = authenticate(ctx, 'admin');
  if (isReply(auth)) return auth;
  const entries = ctx.deps.store.data.rateLimitLog
    .filter((entry) => entry.accountId === auth.account.id)
    .slice(0, 50)
    .map(({ apiKeyId, modelId, rateLimitTier, rateLimitType, timestamp }) => ({ apiKeyId, modelId, rateLimitTier, rateLimitType, timestamp }));
  return ok({ object: 'list', data: entries });
};

// /__sandbox/ control routes for the clock, faults, request log, limits and wallets.
import { z } from 'zod';
import type { Ctx, Handler } from '../context';
import { faultSpec } from '../faults';
import { ok } from '../reply';
import type { Route } from '../router';
import { parseBody } from '../schemas';
import { stateControlRoutes } from './controlState';
import { walletSignRoute } from '../wallet-sign';

const clockBody = z.union([z.strictObject({ advanceMs: z.number().finite() }), z.strictObject({ offsetMs: z.number().finite() })]);

const clockView = (ctx: Ctx) => ({ now: ctx.deps.clock.iso(), offsetMs: ctx.deps.clock.offsetMs });

const setClock: Handler = (ctx) => {
  const parsed = parseBody(clockBody, ctx.body, ctx.bodyIsJson);
  if (!parsed.ok) return parsed.reply;
  const body = parsed.value;
  if ('advanceMs' in body) ctx.deps.clock.advance(body.advanceMs);
  else ctx.deps.clock.setOffset(body.offsetMs);
  return ok(clockView(ctx));
};

const addFaults: Handler = (ctx) => {
  const parsed = parseBody(z.union([faultSpec, z.array(faultSpec)]), ctx.body, ctx.bodyIsJson);
  if (!parsed.ok) return parsed.reply;
  const body = parsed.value;
  const added = (Array.isArray(body) ? body : [body]).map((spec) => ctx.deps.faults.add(spec));
  return ok({ faults: added });
};

const wallets: Handler = (ctx) => {
  const { staked, liquid, empty, contract } = ctx.deps.wallets;
  return ok({ rpcUrl: ctx.deps.rpcUrl, chainId: 8453, wallets: [staked, liquid, empty, contract] });
};

export const controlRoutes: Route[] = [
  { method: 'GET', pattern: '/__sandbox/clock', handler: (ctx) => ok(clockView(ctx)) },
  { method: 'POST', pattern: '/__sandbox/clock', handler: setClock },
  { method: 'GET', pattern: '/__sandbox/faults', handler: (ctx) => ok({ faults: ctx.deps.faults.list() }) },
  { method: 'POST', pattern: '/__sandbox/faults', handler: addFaults },
  { method: 'DELETE', pattern: '/__sandbox/faults', handler: (ctx) => (ctx.deps.faults.clear(), ok({ ok: true })) },
  { method: 'GET', pattern: '/__sandbox/requests', handler: (ctx) => ok({ requests: ctx.deps.requests.list() }) },
  { method: 'DELETE', pattern: '/__sandbox/requests', handler: (ctx) => (ctx.deps.requests.clear(), ok({ ok: true })) },
  { method: 'POST', pattern: '/__sandbox/limits/reset', handler: (ctx) => (ctx.deps.limits.reset(), ok({ ok: true })) },
  { method: 'GET', pattern: '/__sandbox/wallets', handler: wallets },
  { method: 'POST', pattern: '/__sandbox/wallet/sign', handler: walletSignRoute },
  ...stateControlRoutes,
];

// One request through the sandbox: control routes, static page, or the API with its faults,
// failed-request budget, x-ratelimit-* headers and request log.
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';
import type { Ctx, Deps } from './context';
import { controlRoutes } from './handlers/control';
import { servePage } from './handlers/static';
import { FAILED_BUDGET_MESSAGE } from './limits';
import { fail, type Reply, standardError } from './reply';
import { type Route, matchRoute } from './router';
import { CORS_HEADERS, type OutputFault, readBody, send } from './send';

const BODY_LIMIT = 1024 * 1024;

async function run(routes: Route[], ctx: Ctx): Promise<Reply> {
  const match = matchRoute(routes, ctx.method, ctx.path);
  if (!match) return standardError(404);
  if ('methodNotAllowed' in match) return fail(405, 'Method not allowed');
  ctx.params = match.params;
  try {
    return await match.handler(ctx);
  } catch (error) {
    if (!ctx.deps.quiet) console.error(`sandbox: ${ctx.method} ${ctx.path} failed: ${(error as Error).message}`);
    return standardError(500);
  }
}

/** Who the rate limits and the failed-request budget count against: the presented key, else the IP. */
function callerOf(req: IncomingMessage): string {
  const auth = req.headers.authorization;
  if (auth) return `auth:${createHash('sha256').update(auth).digest('hex')}`;
  return `ip:${req.socket.remoteAddress ?? 'unknown'}`;
}

function parseJson(text: string): { body: unknown; bodyIsJson: boolean } {
  if (text.trim() === '') return { body: undefined, bodyIsJson: true };
  try {
    return { body: JSON.parse(text), bodyIsJson: true };
  } catch {
    return { body: undefined, bodyIsJson: false };
  }
}

/** Numbers each TCP connection and counts the requests it carried. */
function connectionCounter() {
  const seen = new WeakMap<object, { id: number; request: number }>();
  let next = 0;
  return (req: IncomingMessage) => {
    const known = seen.get(req.socket);
    const entry = known ? { id: known.id, request: known.request + 1 } : { id: (next += 1), request: 1 };
    seen.set(req.socket, entry);
    return entry;
  };
}

export function createPipeline(deps: Deps, apiRoutes: Route[]) {
  const connectionOf = connectionCounter();
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const started = performance.now();
    const connection = connectionOf(req);
    const method = (req.method ?? 'GET').toUpperCase();
    const url = new URL(req.url ?? '/', deps.origin());
    const path = url.pathname;
    const text = await readBody(req, BODY_LIMIT);
    const ctx: Ctx = { deps, method, path, url, headers: req.headers, params: {}, connection, ...parseJson(text ?? '') };
    const log = (status: number, fault?: string) => {
      const durationMs = Math.round(performance.now() - started);
      deps.requests.add({ method, path, status, time: deps.clock.iso(), durationMs, connection, ...(fault ? { fault } : {}) });
      if (!deps.quiet) console.error(`sandbox: ${method} ${path} -> ${status || 'dropped'} (${durationMs} ms, connection ${connection.id}#${connection.request})${fault ? ` [${fault}]` : ''}`);
    };

    if (method === 'OPTIONS') return send(req, res, { status: 204, headers: CORS_HEADERS });
    if (text === undefined) return send(req, res, standardError(413));
    if (path.startsWith('/__sandbox/')) return send(req, res, await run(controlRoutes, ctx));
    deps.issued.target(req.url ?? '/');
    if (!path.startsWith('/api/v1/')) {
      const reply = await servePage(ctx);
      log(reply.status);
      return send(req, res, reply);
    }

    const { faults, limits, store } = deps;
    const latency = faults.latency(method, path);
    if (latency > 0) await sleep(latency);
    if (faults.take('drop', method, path, (fault) => fault.when === 'before')) {
      log(0, 'drop');
      return send(req, res, { status: 0 }, 'drop');
    }
    const caller = callerOf(req);
    const forced = faults.take('status', method, path);
    let reply: Reply;
    if (forced) {
      reply = standardError(forced.status, forced.error);
    } else {
      const blockedUntil = limits.blockedUntil(caller);
      reply = blockedUntil ? { ...fail(429, FAILED_BUDGET_MESSAGE), headers: limits.blockHeaders(blockedUntil) } : await run(apiRoutes, ctx);
    }
    reply = { ...reply, headers: { ...limits.hit(caller), ...reply.headers } };
    if (!forced && reply.status >= 400 && reply.status !== 429 && limits.recordFailure(caller) && ctx.keyId && ctx.accountId) {
      store.logBreach({
        accountId: ctx.accountId,
        apiKeyId: ctx.keyId,
        modelId: 'none',
        rateLimitTier: 'paid',
        rateLimitType: 'FAILED_REQUESTS',
        timestamp: deps.clock.iso(),
      });
    }

    let output: OutputFault;
    if (faults.take('drop', method, path, (fault) => fault.when === 'after')) output = 'drop';
    else if (faults.take('malformed', method, path)) output = 'malformed';
    else if (faults.take('truncated', method, path)) output = 'truncated';
    log(output === 'drop' ? 0 : reply.status, forced ? 'status' : output);
    send(req, res, reply, output);
  };
}

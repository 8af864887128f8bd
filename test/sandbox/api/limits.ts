// Request accounting: the x-ratelimit-* headers, the 20-creations-a-minute limit and the failed-request budget.
import type { SandboxClock } from './clock';

export const REQUESTS_PER_MINUTE = 500;
export const TOKENS_PER_MINUTE = 1_000_000;
export const CREATIONS_PER_MINUTE = 20;
export const FAILED_REQUEST_LIMIT = 20;
export const FAILED_WINDOW_MS = 30_000;
export const FAILED_BLOCK_MS = 30_000;
const MINUTE_MS = 60_000;

export const FAILED_BUDGET_MESSAGE =
  'Too many failed attempts (> 20) resulting in a non-success status code. Please wait 30s and try again.';

function rateHeaders(limit: number, remaining: number, resetAtMs: number, now: number): Record<string, string> {
  return {
    'x-ratelimit-limit-requests': String(limit),
    'x-ratelimit-remaining-requests': String(Math.max(0, remaining)),
    'x-ratelimit-reset-requests': String(Math.ceil(resetAtMs / 1000)),
    'x-ratelimit-limit-tokens': String(TOKENS_PER_MINUTE),
    'x-ratelimit-remaining-tokens': String(TOKENS_PER_MINUTE),
    'x-ratelimit-reset-tokens': String(Math.max(1, Math.ceil((resetAtMs - now) / 1000))),
  };
}

export class Limits {
  private windows = new Map<string, { start: number; count: number }>();
  private creations = new Map<string, number[]>();
  private failures = new Map<string, { times: number[]; blockedUntil: number }>();

  constructor(private clock: SandboxClock) {}

  /** Counts one request of `caller` in its fixed one-minute window; returns the headers every response carries. */
  hit(caller: string): Record<string, string> {
    const now = this.clock.now();
    let window = this.windows.get(caller);
    if (!window || now - window.start >= MINUTE_MS || now < window.start) {
      window = { start: now, count: 0 };
      this.windows.set(caller, window);
    }
    window.count += 1;
    return rateHeaders(REQUESTS_PER_MINUTE, REQUESTS_PER_MINUTE - window.count, window.start + MINUTE_MS, now);
  }

  /** One key-creation attempt by `accountId` (sliding minute). */
  creation(accountId: string): { allowed: boolean; headers: Record<string, string> } {
    const now = this.clock.now();
    const recent = (this.creations.get(accountId) ?? []).filter((at) => at > now - MINUTE_MS && at <= now);
    const allowed = recent.length < CREATIONS_PER_MINUTE;
    if (allowed) recent.push(now);
    this.creations.set(accountId, recent);
    const resetAt = (recent[0] ?? now) + MINUTE_MS;
    return { allowed, headers: rateHeaders(CREATIONS_PER_MINUTE, CREATIONS_PER_MINUTE - recent.length, resetAt, now) };
  }

  /** When `caller` is blocked by the failed-request budget, the time the block ends. */
  blockedUntil(caller: string): number | undefined {
    const entry = this.failures.get(caller);
    const now = this.clock.now();
    return entry && entry.blockedUntil > now ? entry.blockedUntil : undefined;
  }

  /** Records one failed request; true when this failure starts a block. */
  recordFailure(caller: string): boolean {
    const now = this.clock.now();
    const entry = this.failures.get(caller) ?? { times: [], blockedUntil: 0 };
    entry.times = entry.times.filter((at) => at > now - FAILED_WINDOW_MS && at <= now);
    entry.times.push(now);
    this.failures.set(caller, entry);
    if (entry.times.length > FAILED_REQUEST_LIMIT && entry.blockedUntil <= now) {
      entry.blockedUntil = now + FAILED_BLOCK_MS;
      entry.times = [];
      return true;
    }
    return false;
  }

  blockHeaders(until: number): Record<string, string> {
    return { ...rateHeaders(FAILED_REQUEST_LIMIT, 0, until, this.clock.now()), 'retry-after': String(Math.ceil((until - this.clock.now()) / 1000)) };
  }

  reset(): void {
    this.windows.clear();
    this.creations.clear();
    this.failures.clear();
  }
}

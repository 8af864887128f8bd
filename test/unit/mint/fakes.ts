/** Fake ports for the mint runner: every call is counted, every answer is scripted. */
import { AppException, appError, type AppError, type ErrorCode } from '../../../lib/errors';
import type { MintDeps, MintedKey, SaveMeta, Timers } from '../../../lib/mint/deps';
import type { VaultReadiness } from '../../../lib/mint/events';
import { IDLE, type MintState } from '../../../lib/mint/state';
import { MintKeyBodySchema, type MintKeyBody } from '../../../lib/venice/schemas/web3';
import { ADDRESS, WALLETS } from './fixtures';

export const T0 = Date.UTC(2025, 5, 1, 12, 0, 0);
export const SECRET = 'VENICE_INFERENCE_KEY_abcdefghijklmnopqrstuvwxyz0123456789XYZ987';
export const SIGNATURE = `0x${'ab'.repeat(65)}`;

export const fail = (code: ErrorCode): AppException => new AppException(appError(code));

/** A JWT-shaped token with iat/exp claims (unsigned: the runner never verifies it). */
export function jwt(iatMs: number, lifetimeS = 900, nonce = 0): string {
  const part = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const iat = Math.floor(iatMs / 1000);
  return `${part({ alg: 'HS256', typ: 'JWT' })}.${part({ iat, exp: iat + lifetimeS, n: nonce })}.c2lnbmF0dXJl`;
}

/** Timers driven by hand, sharing one clock with `now`. */
export function manualClock() {
  let elapsed = 0;
  let nextId = 0;
  const pending = new Map<number, { at: number; fn: () => void }>();
  const timers: Timers = {
    setTimeout(fn, ms) {
      nextId += 1;
      pending.set(nextId, { at: elapsed + ms, fn });
      return nextId;
    },
    clearTimeout(handle) {
      pending.delete(handle as number);
    },
  };
  return {
    timers,
    now: () => T0 + elapsed,
    /** Moves the clock without firing timers (a service worker that slept). */
    set: (ms: number) => {
      elapsed = ms;
    },
    advance(ms: number) {
      elapsed += ms;
      for (const [id, entry] of [...pending].sort((a, b) => a[1].at - b[1].at)) {
        if (entry.at <= elapsed && pending.delete(id)) entry.fn();
      }
    },
  };
}

type Answer<T> = T | AppException | AppError | (() => Promise<T>);
const answer = async <T>(a: Answer<T>): Promise<T> => {
  if (typeof a === 'function') return (a as () => Promise<T>)();
  if (a instanceof AppException) throw a;
  if (a && typeof a === 'object' && 'code' in a && 'action' in a) throw a;
  return a as T;
};

export function fakeDeps(clock = manualClock()) {
  const calls = { tokens: [] as string[], posts: [] as MintKeyBody[], signs: [] as string[], connects: 0, saves: [] as SaveMeta[], polls: 0, releases: 0 };
  let stored: MintState = IDLE;
  const script = {
    mint: [] as Answer<MintedKey>[],
    sign: [] as Answer<string>[],
    connect: [] as Answer<{ address: string; wallet: (typeof WALLETS)[number]; wallets: typeof WALLETS }>[],
    save: [] as Answer<{ id: string; last6: string }>[],
    tokenError: undefined as AppException | undefined,
    vault: 'unlocked' as VaultReadiness,
    eligibility: { staked: 5n, liquid: 0n, eligible: true } as Awaited<ReturnType<MintDeps['chain']['readEligibility']>> | AppException,
  };
  const accountListeners = new Set<(address: string | undefined) => void>();
  const stateListeners = new Set<(state: MintState) => void>();
  const minted = (): MintedKey => ({ apiKey: SECRET, id: `venice-${calls.posts.length}`, apiKeyType: 'INFERENCE', description: 'Test', expiresAt: null });

  const deps: MintDeps = {
    client: {
      async getWeb3Token() {
        if (script.tokenError) throw script.tokenError;
        const token = jwt(clock.now(), 900, calls.tokens.length);
        calls.tokens.push(token);
        return token;
      },
      async mintWeb3Key(body) {
        calls.posts.push(MintKeyBodySchema.parse(body));
        return answer(script.mint.shift() ?? minted());
      },
    },
    wallet: {
      async connect() {
        calls.connects += 1;
        return answer(script.connect.shift() ?? { address: ADDRESS, wallet: WALLETS[0]!, wallets: WALLETS });
      },
      async sign(message) {
        calls.signs.push(message);
        return answer(script.sign.shift() ?? SIGNATURE);
      },
      onAccountsChanged(listener) {
        accountListeners.add(listener);
        return () => accountListeners.delete(listener);
      },
      async release() {
        calls.releases += 1;
      },
    },
    chain: {
      async readEligibility() {
        if (script.eligibility instanceof AppException) throw script.eligibility;
        return script.eligibility;
      },
    },
    vault: {
      status: async () => script.vault,
      async saveKey(meta) {
        calls.saves.push(meta);
        return answer(script.save.shift() ?? { id: `record-${calls.saves.length}`, last6: SECRET.slice(-6) });
      },
    },
    storage: {
      get: async () => structuredClone(stored),
      set: async (state) => {
        stored = structuredClone(state);
        stateListeners.forEach((l) => l(structuredClone(state)));
      },
    },
    now: clock.now,
    poller: {
      pollNow: () => {
        calls.polls += 1;
      },
    },
    timers: clock.timers,
    newId: () => `flow-${calls.connects}`,
  };
  return {
    deps,
    calls,
    script,
    clock,
    state: () => stored,
    setState: (state: MintState) => {
      stored = structuredClone(state);
    },
    /** Like storage.watch: called with each state written. */
    watch: (listener: (state: MintState) => void) => {
      stateListeners.add(listener);
      return () => stateListeners.delete(listener);
    },
    switchAccount: (address: string | undefined) => accountListeners.forEach((l) => l(address)),
  };
}

/** A promise settled from the test, to hold a step open. */
export function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

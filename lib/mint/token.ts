/**
 * The one Venice token the flow holds, in memory only. Fetched before the person
 * clicks Mint, fetched again when less than two minutes of it remain, and used
 * for one mint request at most.
 */
import { tokenExpiresAt } from './jwt';

export const REFRESH_MARGIN_MS = 2 * 60_000;

export interface HeldToken {
  token: string;
  expiresAt: number;
}

export interface TokenCache {
  /** The held token when more than two minutes of it remain. */
  current(): HeldToken | undefined;
  /** A token with more than two minutes left: the held one, or a new one (one fetch at a time). */
  fresh(): Promise<HeldToken>;
  /** Forgets the held token (after it was used, or when it is no longer wanted). */
  drop(): void;
}

export function createTokenCache(fetchToken: () => Promise<{ token: string }>, now: () => number): TokenCache {
  let held: HeldToken | undefined;
  let pending: Promise<HeldToken> | undefined;

  const current = () => (held && held.expiresAt - now() > REFRESH_MARGIN_MS ? held : undefined);

  return {
    current,
    fresh() {
      const ok = current();
      if (ok) return Promise.resolve(ok);
      pending ??= (async () => {
        try {
          const fetchedAt = now();
          const { token } = await fetchToken();
          held = { token, expiresAt: tokenExpiresAt(token, fetchedAt) };
          return held;
        } finally {
          pending = undefined;
        }
      })();
      return pending;
    },
    drop() {
      held = undefined;
    },
  };
}

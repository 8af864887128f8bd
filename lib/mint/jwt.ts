/**
 * Reads the lifetime claims of the Venice token without verifying it (the server
 * verifies; the extension only needs to know when to fetch a fresh one).
 */

/** Venice tokens live 15 minutes. */
export const TOKEN_LIFETIME_MS = 15 * 60_000;

function base64UrlToText(segment: string): string {
  const padded = segment.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(segment.length / 4) * 4, '=');
  const binary = atob(padded);
  return new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
}

/** The `iat` and `exp` claims in seconds, when the token carries them. */
export function jwtTimes(token: string): { iat?: number; exp?: number } {
  const payload = token.split('.')[1];
  if (!payload) return {};
  try {
    const claims = JSON.parse(base64UrlToText(payload)) as { iat?: unknown; exp?: unknown };
    const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
    return { iat: num(claims.iat), exp: num(claims.exp) };
  } catch {
    return {};
  }
}

/**
 * When a token fetched at `fetchedAt` (local clock, ms) stops being valid. With
 * both `iat` and `exp` the lifetime is measured on the local clock, so a skewed
 * clock does not matter; with `exp` only it is taken as is; without claims the
 * documented 15 minutes apply. Never later than 15 minutes after the fetch.
 */
export function tokenExpiresAt(token: string, fetchedAt: number): number {
  const { iat, exp } = jwtTimes(token);
  const latest = fetchedAt + TOKEN_LIFETIME_MS;
  if (exp !== undefined && iat !== undefined && exp > iat) return Math.min(latest, fetchedAt + (exp - iat) * 1000);
  if (exp !== undefined) return Math.min(latest, exp * 1000);
  return latest;
}

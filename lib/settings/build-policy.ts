/**
 * Which hosts a build may talk to. Store builds are pinned: the API is Venice's, the
 * wallet signs on Venice's site, the chain is read from Base's public RPC, and no
 * setting can change that. The sandbox build (`--mode sandbox`) may also use the local
 * sandbox on http://127.0.0.1 (any port: the sandbox picks a free one). No build
 * accepts any other host, so a changed setting or a rewritten record cannot send a key,
 * a token or a signature anywhere else. Chosen once, from the build mode, at each
 * composition root (background, popup, options page); lib/ never reads the mode.
 */
export const PRODUCTION_API_BASE_URL = 'https://api.venice.ai/api/v1';
export const PRODUCTION_RPC_URL = 'https://mainnet.base.org';

/** The one http host of the sandbox build; the manifest grants it in sandbox builds only. */
const SANDBOX_HOST = '127.0.0.1';

/**
 * The one https host a request carrying a key, a token or a signature may go to: Venice's API.
 * Venice's site (the signing tab) and Base's RPC receive no secret from the Venice client.
 */
const API_HOST = new URL(PRODUCTION_API_BASE_URL).hostname;

export interface BuildPolicy {
  readonly build: 'store' | 'sandbox';
}
export const STORE_BUILD: BuildPolicy = Object.freeze({ build: 'store' });
export const SANDBOX_BUILD: BuildPolicy = Object.freeze({ build: 'sandbox' });

/** The policy of the build made with this Vite mode (`import.meta.env.MODE`). */
export const buildPolicyFor = (mode: string): BuildPolicy => (mode === 'sandbox' ? SANDBOX_BUILD : STORE_BUILD);

/** Store builds show the addresses and never change them. */
export const addressesPinned = (policy: BuildPolicy): boolean => policy.build === 'store';

export type UrlField = 'apiBaseUrl' | 'rpcUrl';
const PINNED: Record<UrlField, string> = { apiBaseUrl: PRODUCTION_API_BASE_URL, rpcUrl: PRODUCTION_RPC_URL };

const parse = (value: string): URL | null => {
  try {
    return new URL(value);
  } catch {
    return null;
  }
};

const isSandboxUrl = (url: URL) => url.protocol === 'http:' && url.hostname === SANDBOX_HOST;

/** Removes trailing slashes so paths can be appended with a single `/`. */
export function normalizeUrl(value: string): string {
  return value.trim().replace(/\/+$/, '');
}

/** Why `value` may not be the address of `field` in a build with `policy`, or `null` when it may. */
export function urlProblem(field: UrlField, value: string, policy: BuildPolicy): string | null {
  const url = parse(value);
  if (!url) return 'Enter a full address, such as https://api.venice.ai/api/v1';
  if (url.username || url.password) return 'Leave user names and passwords out of the address';
  if (url.search || url.hash) return 'Leave ? and # parts out of the address';
  if (normalizeUrl(value) === PINNED[field]) return null;
  if (policy.build === 'sandbox' && isSandboxUrl(url)) return null;
  const pinned = PINNED[field];
  if (policy.build === 'store') {
    return isSandboxUrl(url)
      ? `This build uses ${pinned} only (http://127.0.0.1 works only in the sandbox build)`
      : `This build uses ${pinned} only`;
  }
  return `Use ${pinned} or the local sandbox (http://127.0.0.1)`;
}

/**
 * Whether a request carrying a key, a token or a signature may go to `url`: https on Venice's
 * API host (default port, no user name), or in the sandbox build http on 127.0.0.1.
 */
export function destinationAllowed(url: string, policy: BuildPolicy): boolean {
  const parsed = parse(url);
  if (!parsed || parsed.username || parsed.password) return false;
  if (policy.build === 'sandbox' && isSandboxUrl(parsed)) return true;
  return parsed.protocol === 'https:' && parsed.port === '' && parsed.hostname === API_HOST;
}

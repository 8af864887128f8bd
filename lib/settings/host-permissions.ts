/**
 * The hosts a connection setting needs, and asking the browser for them. The
 * manifest grants Venice and Base only; any other https host is an optional host
 * permission, which the person grants from the options page's Save click.
 */
import { signingOriginFor } from './origin';

export type UrlField = 'apiBaseUrl' | 'rpcUrl';

/** One host a URL field needs: the field, the host as a person reads it, and its match pattern. */
export interface HostNeed {
  field: UrlField;
  host: string;
  pattern: string;
}

export interface PermissionsLike {
  request(permissions: { origins: string[] }): Promise<boolean>;
  contains(permissions: { origins: string[] }): Promise<boolean>;
}

export type HostAnswer = { ok: true } | { ok: false; missing: HostNeed[] };

/**
 * The pattern that grants one URL's host: scheme and host name, any port. Firefox
 * refuses a port in a match pattern, and Chrome's pattern without one matches every
 * port, so the same pattern works in both.
 */
export function hostNeed(field: UrlField, url: string): HostNeed {
  const { protocol, hostname } = new URL(url);
  return { field, host: hostname, pattern: `${protocol}//${hostname}/*` };
}

/**
 * The hosts the changed URLs need: for the API, its own host and the web origin
 * where wallets sign (signingOriginFor: api.example.com signs on example.com); for
 * the RPC, its host. Takes URLs that already passed urlProblem.
 */
export function hostsNeeded(changed: Partial<Record<UrlField, string>>): HostNeed[] {
  const needs: HostNeed[] = [];
  if (changed.apiBaseUrl) {
    needs.push(hostNeed('apiBaseUrl', changed.apiBaseUrl), hostNeed('apiBaseUrl', signingOriginFor(changed.apiBaseUrl)));
  }
  if (changed.rpcUrl) needs.push(hostNeed('rpcUrl', changed.rpcUrl));
  return needs.filter((need, i) => needs.findIndex((other) => other.pattern === need.pattern && other.field === need.field) === i);
}

/**
 * Asks for every needed host in one prompt. `permissions.request` is the first
 * call, with no await before it, so it runs inside the Save click (browsers grant
 * permissions only during a user gesture; Firefox only synchronously inside it).
 * Hosts already granted (the manifest's, or earlier grants) resolve without a prompt.
 * When the request is refused or cannot be made (no gesture, or a host no pattern
 * of the manifest covers, such as http:// outside sandbox builds), the answer names
 * the hosts that are still missing.
 */
export function requestHosts(permissions: PermissionsLike, needs: HostNeed[]): Promise<HostAnswer> {
  if (needs.length === 0) return Promise.resolve({ ok: true });
  const origins = [...new Set(needs.map((need) => need.pattern))];
  let asked: Promise<boolean>;
  try {
    asked = permissions.request({ origins }).catch(() => false);
  } catch {
    asked = Promise.resolve(false);
  }
  return asked.then(async (granted): Promise<HostAnswer> => {
    if (granted) return { ok: true };
    const held = await Promise.all(needs.map((need) => permissions.contains({ origins: [need.pattern] }).catch(() => false)));
    const missing = needs.filter((_, i) => !held[i]);
    return missing.length === 0 ? { ok: true } : { ok: false, missing };
  });
}

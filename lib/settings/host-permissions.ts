/**
 * The hosts a connection setting needs. The manifest grants every host a build may use
 * (build-policy.ts: Venice, Base, and 127.0.0.1 in the sandbox build), so these are
 * already held and the options page's Save asks for nothing; the check stays so an
 * address without its permission is named instead of failing later.
 */
import type { UrlField } from './build-policy';
import { signingOriginFor } from './origin';

/** One host a URL field needs: the field, the host as a person reads it, and its match pattern. */
export interface HostNeed {
  field: UrlField;
  host: string;
  pattern: string;
}

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

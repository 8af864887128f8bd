const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * The web origin where a wallet signs for an API base URL: the API's own site.
 * https://api.venice.ai/api/v1 → https://venice.ai; a local sandbox
 * (http://127.0.0.1:P/api/v1) signs on its own origin; any other host drops a
 * leading `api.`. Throws a TypeError for a value that is not a URL.
 */
export function signingOriginFor(apiBaseUrl: string): string {
  const url = new URL(apiBaseUrl);
  if (LOCAL_HOSTS.has(url.hostname)) return url.origin;
  const host = url.hostname.startsWith('api.') && url.hostname.split('.').length > 2 ? url.hostname.slice(4) : url.hostname;
  return `${url.protocol}//${host}${url.port ? `:${url.port}` : ''}`;
}

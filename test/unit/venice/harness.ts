/** Builds a client over the fake fetch, with recorded sleeps and fixed randomness and clock. */
import { createVeniceClient, type VeniceClientOptions } from '../../../lib/venice/client';
import { STORE_BUILD } from '../../../lib/settings/build-policy';
import { ADMIN_KEY, BASE } from './fixtures';
import { fakeFetch, type Script } from './fake-fetch';

export const NOW_MS = Date.UTC(2026, 0, 1, 12, 0, 0);

export function harness(script: Script, options: Partial<VeniceClientOptions> = {}) {
  const { fetch, calls } = fakeFetch(script);
  const sleeps: number[] = [];
  const client = createVeniceClient({
    baseUrl: BASE,
    build: STORE_BUILD,
    apiKey: ADMIN_KEY,
    fetch,
    random: () => 0.5,
    now: () => NOW_MS,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    ...options,
  });
  return { client, calls, sleeps };
}

/** Awaits a promise that must reject, and returns what it rejected with. */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to fail, but it succeeded');
}

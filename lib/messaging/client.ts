/**
 * One typed client for every page, built from the contracts:
 *
 *   const client = clientFor(() => import('./contracts').then((m) => m.contracts), sendVia(browser.runtime));
 *   const status = await client['vault.status']({});
 *
 * Each call checks its input before it leaves and the answer when it arrives (call.ts).
 * The contracts may be given as a loader: their zod schemas are then built by the first
 * call, not when the page starts.
 */
import { call, type Send } from './call';
import type { Contracts, InputOf, OutputOf } from './protocol';

export type Client<C extends Contracts> = {
  [K in keyof C & string]: (input: InputOf<C, K>) => Promise<OutputOf<C, K>>;
};

export function clientFor<C extends Contracts>(contracts: C | (() => Promise<C>), send: Send): Client<C> {
  const load = typeof contracts === 'function' ? contracts : () => Promise.resolve(contracts);
  return new Proxy({} as Client<C>, {
    get: (_target, name) =>
      // Not `then`: the client must never look like a promise to `await` or Promise.resolve.
      typeof name === 'string' && name !== 'then'
        ? (input: unknown) => load().then((loaded) => call(send, loaded, name, input as never))
        : undefined,
  });
}

/**
 * The popup's client: typed from the contracts, built without their zod schemas (the popup
 * imports the contracts as types only, to stay light; issue 16's budget).
 *
 * Each reply is checked by hand (wire.ts readReply): a reply that is not an envelope is a
 * MALFORMED_RESPONSE error, an error reply is thrown as a RemoteError. The checks the zod
 * client (call.ts) makes on its side are the receiver's here: the background parses every
 * input with the contract's schema (a bad one is answered INVALID_REQUEST) and every output
 * before sending it (handle.ts), so what a call resolves with fits the contract's type.
 * The background is the same extension; untrusted data (the network, the signing tab) is
 * parsed with zod where it enters.
 */
import type { Send } from './call';
import type { Client } from './client';
import type { Contracts } from './protocol';
import { ENVELOPE_TAG, MALFORMED_RESPONSE, readReply, RemoteError } from './wire';

export function pageClient<C extends Contracts>(send: Send): Client<C> {
  return new Proxy({} as Client<C>, {
    get: (_target, name) =>
      // Not `then`: the client must never look like a promise to `await` or Promise.resolve.
      typeof name === 'string' && name !== 'then'
        ? async (input: unknown) => {
            const reply = readReply(await send({ tag: ENVELOPE_TAG, name, input }));
            if (!reply) throw new RemoteError(MALFORMED_RESPONSE);
            if (!reply.ok) throw new RemoteError(reply.error);
            return reply.output;
          }
        : undefined,
  });
}

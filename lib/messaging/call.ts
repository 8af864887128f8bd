import * as z from 'zod/mini';
import {
  ENVELOPE_TAG,
  RemoteError,
  ReplyEnvelopeSchema,
  type Contracts,
  type InputOf,
  type OutputOf,
  type RequestEnvelope,
} from './protocol';
import { MALFORMED_RESPONSE } from './wire';

/** Anything that can carry a request and bring back a reply (runtime.sendMessage, tabs.sendMessage…). */
export type Send = (envelope: RequestEnvelope) => Promise<unknown>;

/**
 * Calls a contract on the other side. The input is checked before it leaves, the
 * reply is checked when it arrives; an error reply is thrown as a RemoteError.
 */
export async function call<C extends Contracts, K extends keyof C & string>(
  send: Send,
  contracts: C,
  name: K,
  input: InputOf<C, K>,
): Promise<OutputOf<C, K>> {
  const spec = contracts[name]!;
  const parsedInput = z.parse(spec.input, input) as unknown;
  const raw = await send({ tag: ENVELOPE_TAG, name, input: parsedInput });
  const reply = z.safeParse(ReplyEnvelopeSchema, raw);
  if (!reply.success) {
    throw new RemoteError(MALFORMED_RESPONSE);
  }
  if (!reply.data.ok) throw new RemoteError(reply.data.error);
  return z.parse(spec.output, reply.data.output) as OutputOf<C, K>;
}

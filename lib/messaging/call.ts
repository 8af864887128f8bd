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
  const parsedInput = z.safeParse(spec.input, input);
  // The same words as the receiver's refusal (handle.ts); never zod's own text.
  if (!parsedInput.success) {
    throw new RemoteError({ code: 'INVALID_REQUEST', message: 'The request did not have the expected form.', action: 'fix_input' });
  }
  const raw = await send({ tag: ENVELOPE_TAG, name, input: parsedInput.data });
  const reply = z.safeParse(ReplyEnvelopeSchema, raw);
  if (!reply.success) throw unreadable();
  if (!reply.data.ok) throw new RemoteError(reply.data.error);
  const output = z.safeParse(spec.output, reply.data.output);
  if (!output.success) throw unreadable();
  return output.data as OutputOf<C, K>;
}

const unreadable = () => new RemoteError(MALFORMED_RESPONSE);

import * as z from 'zod/mini';
import type * as core from 'zod/v4/core';
import {
  RequestEnvelopeSchema,
  type Audience,
  type Contracts,
  type ReplyEnvelope,
  type WireError,
} from './protocol';

/** The parts of a runtime.MessageSender the handlers look at. */
export interface Sender {
  id?: string;
  url?: string;
  tab?: { id?: number };
  frameId?: number;
  /** The sending document (Chromium; recent Firefox), used to bind the wallet bridge to one page. */
  documentId?: string;
}

export type Handlers<C extends Contracts> = {
  [K in keyof C]: (input: core.output<C[K]['input']>, sender: Sender) => Promise<core.input<C[K]['output']>>;
};

export interface HandleOptions {
  /** Decides whether a sender belongs to an audience (checked before any handler runs). */
  authorize: (audience: Audience, sender: Sender) => boolean;
  /** Turns a thrown value into wire error data; must never put a secret into the message. */
  toWireError: (error: unknown) => WireError;
}

/** Offers a message to one group of contracts: undefined when none of them is its name. */
export type Dispatcher = (message: unknown, sender: Sender) => Promise<ReplyEnvelope> | undefined;

/**
 * Builds a dispatcher for one group of contracts. It returns `undefined` for a
 * message that is not one of its contracts, so several groups can share a listener.
 */
export function createDispatcher<C extends Contracts>(contracts: C, handlers: Handlers<C>, options: HandleOptions): Dispatcher {
  return (message, sender) => {
    const envelope = z.safeParse(RequestEnvelopeSchema, message);
    if (!envelope.success || !Object.hasOwn(contracts, envelope.data.name)) return undefined;
    const name = envelope.data.name as keyof C & string;
    const spec = contracts[name]!;
    return (async (): Promise<ReplyEnvelope> => {
      try {
        if (!options.authorize(spec.audience, sender)) {
          return { ok: false, error: { code: 'FORBIDDEN', message: 'This request is not allowed from here.', action: 'none' } };
        }
        const input = z.safeParse(spec.input, envelope.data.input);
        if (!input.success) {
          return { ok: false, error: { code: 'INVALID_REQUEST', message: 'The request did not have the expected form.', action: 'fix_input' } };
        }
        const output = await handlers[name](input.data as core.output<C[typeof name]['input']>, sender);
        return { ok: true, output: z.parse(spec.output, output) };
      } catch (error) {
        return { ok: false, error: options.toWireError(error) };
      }
    })();
  };
}

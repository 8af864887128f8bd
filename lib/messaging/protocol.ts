/**
 * The one typed protocol between the popup, the options page, the background and
 * the content script. Each message is a named contract with a zod input and output
 * schema; the receiver parses the input, the caller parses the output, and errors
 * cross contexts as plain `{ code, message, action }` data, never `Error` objects.
 *
 * Contracts are typed against zod's core type, so a contract may hold zod/mini
 * schemas (everything the popup and the options page load, to keep them small)
 * or classic zod schemas (background-only code). Parse with `z.parse` /
 * `z.safeParse`, which work on both.
 */
import * as z from 'zod/mini';
import type * as core from 'zod/v4/core';
import { ENVELOPE_TAG } from './wire';

/** Who may send a message: an extension page (popup, options) or the signing tab's content script. */
export type Audience = 'extension-page' | 'signing-tab';

export interface Contract<I extends core.$ZodType = core.$ZodType, O extends core.$ZodType = core.$ZodType> {
  input: I;
  output: O;
  audience: Audience;
}

export type Contracts = Record<string, Contract>;

export const contract = <I extends core.$ZodType, O extends core.$ZodType>(
  input: I,
  output: O,
  audience: Audience = 'extension-page',
): Contract<I, O> => ({ input, output, audience });

export type InputOf<C extends Contracts, K extends keyof C> = core.input<C[K]['input']>;
export type OutputOf<C extends Contracts, K extends keyof C> = core.output<C[K]['output']>;


export const RequestEnvelopeSchema = z.strictObject({
  tag: z.literal(ENVELOPE_TAG),
  name: z.string().check(z.minLength(1), z.maxLength(64)),
  input: z.unknown(),
});
export type RequestEnvelope = z.infer<typeof RequestEnvelopeSchema>;

/** The wire error's schema; its type, WireError, and RemoteError live in wire.ts (zod-free, for the popup). */
export const WireErrorSchema = z.strictObject({
  code: z.string().check(z.minLength(1), z.maxLength(64)),
  message: z.string().check(z.maxLength(500)),
  action: z.string().check(z.minLength(1), z.maxLength(32)),
  /** Extra non-secret text (already redacted by lib/errors). */
  detail: z.optional(z.string().check(z.maxLength(300))),
});

export const ReplyEnvelopeSchema = z.discriminatedUnion('ok', [
  z.strictObject({ ok: z.literal(true), output: z.unknown() }),
  z.strictObject({ ok: z.literal(false), error: WireErrorSchema }),
]);
export type ReplyEnvelope = z.infer<typeof ReplyEnvelopeSchema>;

export { ENVELOPE_TAG, RemoteError, type WireError } from './wire';

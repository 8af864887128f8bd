/**
 * What crosses the wire, without zod: the envelope's tag, the error data and the error a
 * caller throws, and a hand check of a reply envelope. The popup's client (page-client.ts)
 * uses only this file, to stay light; protocol.ts holds the same shapes as zod schemas for
 * the receivers (test/unit/messaging/wire.test.ts holds the two to the same answers).
 */
import { isObject, optional, shape, text } from '../shape/guards';

export const ENVELOPE_TAG = 'venice-key-wallet/v1';

/** An error as it crosses contexts: plain data, never an `Error` object (protocol.ts holds its schema). */
export interface WireError {
  code: string;
  message: string;
  action: string;
  /** Extra non-secret text (already redacted by lib/errors). */
  detail?: string | undefined;
}

/** Thrown on the calling side when the receiver answered with an error. Carries no secret. */
export class RemoteError extends Error {
  readonly code: string;
  readonly action: string;
  readonly detail: string | undefined;
  constructor(error: WireError) {
    super(error.message);
    this.name = 'RemoteError';
    this.code = error.code;
    this.action = error.action;
    this.detail = error.detail;
  }
  toJSON(): WireError {
    return { code: this.code, message: this.message, action: this.action, ...(this.detail ? { detail: this.detail } : {}) };
  }
}

/** What a caller throws when the answer is not a reply envelope at all (no background, a wrong answer). */
export const MALFORMED_RESPONSE: WireError = {
  code: 'MALFORMED_RESPONSE',
  message: 'The extension background sent an answer that could not be read. Try again.',
  action: 'retry',
};

export type Reply = { ok: true; output: unknown } | { ok: false; error: WireError };

const isWireError = shape({ code: text(1, 64), message: text(0, 500), action: text(1, 32), detail: optional(text(0, 300)) });
const onlyKeys = (value: Record<string, unknown>, allowed: readonly string[]) => Object.keys(value).every((k) => allowed.includes(k));

/** The reply envelope, checked by hand as protocol.ts's ReplyEnvelopeSchema does; null when it does not fit. */
export function readReply(raw: unknown): Reply | null {
  if (!isObject(raw)) return null;
  if (raw.ok === true && Object.hasOwn(raw, 'output') && onlyKeys(raw, ['ok', 'output'])) return { ok: true, output: raw.output };
  if (raw.ok === false && onlyKeys(raw, ['ok', 'error']) && isWireError(raw.error)) {
    const { code, message, action, detail } = raw.error as WireError;
    return { ok: false, error: { code, message, action, ...(detail === undefined ? {} : { detail }) } };
  }
  return null;
}

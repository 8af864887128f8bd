import * as z from 'zod/mini';
import { ERROR_ACTIONS, ERROR_CODES, type ErrorAction, type ErrorCode } from './codes';
import { redactSecrets } from './redact';
import { ERROR_TABLE } from './table';

/** Longest `detail` kept; longer texts are cut (a detail is a hint, not a log). */
export const MAX_DETAIL_LENGTH = 300;

/**
 * An error as data, safe to send between contexts and to show. `message` is the
 * table sentence; `detail` (optional) is non-secret extra text, already redacted.
 */
export interface AppError {
  code: ErrorCode;
  message: string;
  action: ErrorAction;
  detail?: string;
}

export const AppErrorSchema = z.strictObject({
  code: z.enum(ERROR_CODES),
  message: z.string().check(z.minLength(1), z.maxLength(500)),
  action: z.enum(ERROR_ACTIONS),
  detail: z.optional(z.string().check(z.maxLength(MAX_DETAIL_LENGTH))),
});

function cleanDetail(detail: string): string | undefined {
  const text = redactSecrets(detail).replace(/\s+/g, ' ').trim();
  if (!text) return undefined;
  return text.length > MAX_DETAIL_LENGTH ? `${text.slice(0, MAX_DETAIL_LENGTH - 1)}…` : text;
}

/** Builds the AppError of a code from the table. `detail` is redacted and shortened. */
export function appError(code: ErrorCode, detail?: string): AppError {
  const entry = ERROR_TABLE[code];
  const error: AppError = { code, message: entry.message, action: entry.action };
  const cleaned = detail === undefined ? undefined : cleanDetail(detail);
  if (cleaned) error.detail = cleaned;
  return error;
}

export function isAppError(value: unknown): value is AppError {
  return AppErrorSchema.safeParse(value).success;
}

/**
 * An Error carrying an AppError, for code that prefers throwing. Its `message` is
 * the table sentence; `toJSON()` gives the plain data to send across contexts.
 */
export class AppException extends Error {
  readonly code: ErrorCode;
  readonly action: ErrorAction;
  readonly detail: string | undefined;

  constructor(error: AppError, options?: { cause?: unknown }) {
    super(error.message, options);
    this.name = 'AppException';
    this.code = error.code;
    this.action = error.action;
    this.detail = error.detail;
  }

  toJSON(): AppError {
    const json: AppError = { code: this.code, message: this.message, action: this.action };
    if (this.detail) json.detail = this.detail;
    return json;
  }
}

/** Turns anything thrown into an AppError; unknown values become UNKNOWN with no detail. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppException) return error.toJSON();
  if (isAppError(error)) return error;
  return appError('UNKNOWN');
}

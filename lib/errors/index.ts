/**
 * lib/errors: the one table of error codes, each with a sentence a person understands and
 * the action that helps; errors cross contexts as { code, message, action } data, redacted.
 */
export { ERROR_ACTIONS, ERROR_CODES, LOCAL_ERROR_CODES, VENICE_ERROR_CODES } from './codes';
export type { ErrorCode } from './codes';
export { ERROR_TABLE } from './table';
export { redactKnown, redactSecrets } from './redact';
export {
  AppErrorSchema,
  AppException,
  MAX_DETAIL_LENGTH,
  appError,
  isAppError,
  toAppError,
} from './app-error';
export type { AppError } from './app-error';
export { storageWriteError } from './storage-write';

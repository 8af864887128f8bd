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

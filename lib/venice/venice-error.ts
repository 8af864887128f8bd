import { AppException, appError, type AppError, type ErrorCode } from '../errors';

/**
 * What every VeniceClient method throws. `message` is the plain sentence of the
 * error table; `detail` is redacted server text or a field hint; `status` is the
 * HTTP status when there was an answer. Send `toJSON()` across contexts. It
 * never carries a `cause` (a low-level error could hold request data).
 */
export class VeniceError extends AppException {
  readonly status: number | undefined;
  /** How long the server asked to wait before trying again, when it said so. */
  readonly retryAfterMs: number | undefined;

  constructor(error: AppError, info: { status?: number; retryAfterMs?: number } = {}) {
    super(error);
    this.name = 'VeniceError';
    this.status = info.status;
    this.retryAfterMs = info.retryAfterMs;
  }
}

export function veniceError(
  code: ErrorCode,
  detail?: string,
  info?: { status?: number; retryAfterMs?: number },
): VeniceError {
  return new VeniceError(appError(code, detail), info);
}

export function isVeniceError(value: unknown): value is VeniceError {
  return value instanceof VeniceError;
}

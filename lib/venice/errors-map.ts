/**
 * Maps a non-2xx Venice answer (status + the `error` text) to a code of the
 * error table. Documented messages are matched by substring, case-insensitively,
 * before the status decides (facts sheet, web3 key guide, error-code page).
 */
import type { ErrorCode } from '../errors';

/** [pattern, code, statuses it applies to (any when absent)] */
const MESSAGE_RULES: ReadonlyArray<readonly [RegExp, ErrorCode, ReadonlyArray<number>?]> = [
  [/invalid wallet address/i, 'INVALID_WALLET_ADDRESS'],
  [/jwt has expired/i, 'JWT_EXPIRED'],
  [/jwt signature is invalid/i, 'JWT_SIGNATURE_INVALID'],
  [/jwt claims are invalid/i, 'JWT_CLAIMS_INVALID'],
  [/jwt is malformed/i, 'JWT_MALFORMED'],
  [/wallet signature does not match/i, 'WALLET_SIGNATURE_MISMATCH'],
  [/could not verify wallet signature/i, 'WALLET_SIGNATURE_UNVERIFIED'],
  [/no staked vvv/i, 'NO_STAKED_VVV'],
  [/api key not found or expired/i, 'KEY_NOT_FOUND'],
  [/api key could not be found/i, 'KEY_DELETE_NOT_FOUND'],
  [/\b500\b[^.]*\bkeys?\b|maximum (?:number )?of (?:active )?api keys|api key limit reached/i, 'KEY_CAP_REACHED', [400]],
  [/admin api key required/i, 'ADMIN_KEY_REQUIRED'],
  [/usd spend limit exceeded/i, 'USD_SPEND_LIMIT_EXCEEDED'],
  [/diem spend limit exceeded/i, 'DIEM_SPEND_LIMIT_EXCEEDED'],
  [/insufficient (?:usd or diem )?balance/i, 'INSUFFICIENT_BALANCE'],
  [/api access has been disabled/i, 'API_ACCESS_DISABLED'],
  [/only access resources for your own wallet/i, 'X402_WALLET_MISMATCH'],
  [/sign-?in-?with-?x/i, 'X402_INVALID_SIGN_IN'],
  [/too many failed attempts|rate limit exceeded/i, 'RATE_LIMITED'],
];

export interface ErrorContext {
  /** Whether the request carried an Authorization header (402 without it is an x402 challenge). */
  hadAuthorization: boolean;
  /** Whether the request was authenticated by a SIWX header (GET /x402/balance). */
  siwx?: boolean;
}

function byStatus(status: number, context: ErrorContext): ErrorCode {
  switch (status) {
    case 400:
    case 413:
    case 415:
    case 422:
      return 'INVALID_REQUEST';
    case 401:
      return context.siwx ? 'X402_INVALID_SIGN_IN' : 'AUTHENTICATION_FAILED';
    case 402:
      return context.hadAuthorization ? 'INSUFFICIENT_BALANCE' : 'PAYMENT_REQUIRED';
    case 403:
      return context.siwx ? 'X402_WALLET_MISMATCH' : 'FORBIDDEN';
    case 408:
    case 504:
      return 'TIMEOUT';
    case 429:
      return 'RATE_LIMITED';
    case 502:
    case 503:
      return 'SERVICE_UNAVAILABLE';
    default:
      return status >= 500 ? 'SERVER_ERROR' : 'UNKNOWN';
  }
}

export function mapHttpError(status: number, text: string | undefined, context: ErrorContext): ErrorCode {
  if (text) {
    for (const [pattern, code, statuses] of MESSAGE_RULES) {
      if ((!statuses || statuses.includes(status)) && pattern.test(text)) return code;
    }
  }
  return byStatus(status, context);
}

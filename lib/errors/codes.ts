/**
 * Every error code and every action of the project, in one place. The sentences
 * and the action of each code live in ./table.ts.
 */

/** What helps a person get past an error; the UI turns each into one button or hint. */
export const ERROR_ACTIONS = [
  'retry',
  'retry_later',
  'new_token',
  'stake_vvv',
  'raise_limit',
  'use_admin_key',
  'unlock',
  'fix_input',
  'reconnect_wallet',
  'install_wallet',
  'choose_wallet',
  'check_key',
  'contact_support',
  'none',
] as const;
export type ErrorAction = (typeof ERROR_ACTIONS)[number];

/** Errors the Venice API reports (see the mint guide, the facts sheet and the error-code page). */
export const VENICE_ERROR_CODES = [
  // POST /api_keys/generate_web3_key, all 400
  'INVALID_WALLET_ADDRESS',
  'JWT_EXPIRED',
  'JWT_SIGNATURE_INVALID',
  'JWT_CLAIMS_INVALID',
  'JWT_MALFORMED',
  'WALLET_SIGNATURE_MISMATCH',
  'WALLET_SIGNATURE_UNVERIFIED',
  'NO_STAKED_VVV',
  // key management
  'INVALID_REQUEST',
  'KEY_NOT_FOUND',
  'KEY_DELETE_NOT_FOUND',
  'KEY_CAP_REACHED',
  // authentication and payment
  'ADMIN_KEY_REQUIRED',
  'AUTHENTICATION_FAILED',
  'PAYMENT_REQUIRED',
  'INSUFFICIENT_BALANCE',
  'USD_SPEND_LIMIT_EXCEEDED',
  'DIEM_SPEND_LIMIT_EXCEEDED',
  'FORBIDDEN',
  'API_ACCESS_DISABLED',
  'X402_WALLET_MISMATCH',
  'X402_INVALID_SIGN_IN',
  // transport and server
  'RATE_LIMITED',
  'SERVER_ERROR',
  'SERVICE_UNAVAILABLE',
  'TIMEOUT',
  'NETWORK_ERROR',
  'ABORTED',
  'MALFORMED_RESPONSE',
  'UNKNOWN',
] as const;

/** Errors raised inside the extension: wallet, signing tab, chain reads, vault, flow, key input. */
export const LOCAL_ERROR_CODES = [
  'WALLET_REJECTED',
  'WALLET_NOT_FOUND',
  'WALLET_CHOICE_NEEDED',
  'WALLET_LOOK_ALIKE',
  'WALLET_LOCKED',
  'WALLET_REQUEST_PENDING',
  'WALLET_ACCOUNT_CHANGED',
  'WALLET_UNSUPPORTED_METHOD',
  'SIGNING_TAB_CLOSED',
  'SIGNING_ORIGIN_NOT_ALLOWED',
  'SIGNATURE_LOCAL_MISMATCH',
  'RPC_UNREACHABLE',
  'VAULT_LOCKED',
  'VAULT_WRONG_PASSPHRASE',
  'VAULT_PASSPHRASE_WEAK',
  'VAULT_PASSPHRASE_MISMATCH',
  'VAULT_RECORD_DAMAGED',
  'VAULT_RECORD_CHANGED',
  'VAULT_STORAGE_FAILED',
  'STORAGE_FULL',
  'VAULT_NOT_SET_UP',
  'FLOW_BUSY',
  'KEY_INVALID_FORMAT',
  'HOST_NOT_ALLOWED',
] as const;

export const ERROR_CODES = [...VENICE_ERROR_CODES, ...LOCAL_ERROR_CODES] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

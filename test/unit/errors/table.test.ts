import { describe, expect, it } from 'vitest';
import {
  ERROR_ACTIONS,
  ERROR_CODES,
  ERROR_TABLE,
  LOCAL_ERROR_CODES,
  VENICE_ERROR_CODES,
} from '../../../lib/errors';

describe('error table', () => {
  it('has exactly one entry for every code, and no code twice', () => {
    expect(new Set(ERROR_CODES).size).toBe(ERROR_CODES.length);
    expect(Object.keys(ERROR_TABLE).sort()).toEqual([...ERROR_CODES].sort());
  });

  it('uses only known actions and plain, short, sentence-like messages', () => {
    for (const code of ERROR_CODES) {
      const entry = ERROR_TABLE[code];
      expect(ERROR_ACTIONS, code).toContain(entry.action);
      expect(entry.message, code).toMatch(/^[A-Z].*\.$/);
      expect(entry.message.length, code).toBeLessThanOrEqual(160);
      // No code names, status numbers or jargon leak into what a person reads.
      expect(entry.message, code).not.toMatch(/[A-Z]{2,}_[A-Z]|\b(?:4\d\d|5\d\d) \b|JWT|HTTP|undefined|null/);
    }
  });

  it('covers the documented Venice codes and the extension-local codes', () => {
    const required = [
      'INVALID_WALLET_ADDRESS', 'JWT_EXPIRED', 'JWT_SIGNATURE_INVALID', 'JWT_CLAIMS_INVALID', 'JWT_MALFORMED',
      'WALLET_SIGNATURE_MISMATCH', 'WALLET_SIGNATURE_UNVERIFIED', 'NO_STAKED_VVV', 'INVALID_REQUEST',
      'KEY_NOT_FOUND', 'KEY_DELETE_NOT_FOUND', 'KEY_CAP_REACHED', 'ADMIN_KEY_REQUIRED', 'AUTHENTICATION_FAILED',
      'PAYMENT_REQUIRED', 'INSUFFICIENT_BALANCE', 'USD_SPEND_LIMIT_EXCEEDED', 'DIEM_SPEND_LIMIT_EXCEEDED',
      'FORBIDDEN', 'API_ACCESS_DISABLED', 'X402_WALLET_MISMATCH', 'X402_INVALID_SIGN_IN', 'RATE_LIMITED',
      'SERVER_ERROR', 'SERVICE_UNAVAILABLE', 'TIMEOUT', 'NETWORK_ERROR', 'MALFORMED_RESPONSE', 'UNKNOWN',
    ];
    expect(VENICE_ERROR_CODES).toEqual(expect.arrayContaining(required));
    expect(LOCAL_ERROR_CODES).toEqual(expect.arrayContaining([
      'WALLET_REJECTED', 'WALLET_NOT_FOUND', 'WALLET_LOCKED', 'WALLET_ACCOUNT_CHANGED', 'WALLET_UNSUPPORTED_METHOD',
      'SIGNING_TAB_CLOSED', 'SIGNATURE_LOCAL_MISMATCH', 'RPC_UNREACHABLE', 'VAULT_LOCKED', 'VAULT_WRONG_PASSPHRASE',
      'VAULT_PASSPHRASE_WEAK', 'VAULT_PASSPHRASE_MISMATCH', 'VAULT_RECORD_DAMAGED', 'VAULT_STORAGE_FAILED',
      'VAULT_NOT_SET_UP', 'FLOW_BUSY', 'KEY_INVALID_FORMAT',
    ]));
  });

  it.each([
    ['NO_STAKED_VVV', 'stake_vvv'],
    ['JWT_EXPIRED', 'new_token'],
    ['WALLET_SIGNATURE_UNVERIFIED', 'retry_later'],
    ['ADMIN_KEY_REQUIRED', 'use_admin_key'],
    ['USD_SPEND_LIMIT_EXCEEDED', 'raise_limit'],
    ['DIEM_SPEND_LIMIT_EXCEEDED', 'raise_limit'],
    ['VAULT_LOCKED', 'unlock'],
    ['WALLET_NOT_FOUND', 'install_wallet'],
    ['API_ACCESS_DISABLED', 'contact_support'],
    ['RATE_LIMITED', 'retry_later'],
    ['AUTHENTICATION_FAILED', 'check_key'],
  ] as const)('%s helps with %s', (code, action) => {
    expect(ERROR_TABLE[code].action).toBe(action);
  });
});

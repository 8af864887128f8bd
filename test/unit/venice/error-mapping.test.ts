import { describe, expect, it } from 'vitest';
import { ERROR_TABLE, type ErrorCode } from '../../../lib/errors';
import { VeniceError } from '../../../lib/venice/venice-error';
import { mapHttpError } from '../../../lib/venice/errors-map';
import { MINT_BODIES } from './fixtures';
import { harness, rejectionOf } from './harness';

// The mint route's documented 400 messages (web3 key guide, facts sheet).
const MINT_MESSAGES: Array<[string, ErrorCode]> = [
  ['Invalid wallet address', 'INVALID_WALLET_ADDRESS'],
  ['JWT has expired', 'JWT_EXPIRED'],
  ['JWT signature is invalid', 'JWT_SIGNATURE_INVALID'],
  ['JWT claims are invalid', 'JWT_CLAIMS_INVALID'],
  ['JWT is malformed', 'JWT_MALFORMED'],
  ['Wallet signature does not match', 'WALLET_SIGNATURE_MISMATCH'],
  ['Could not verify wallet signature', 'WALLET_SIGNATURE_UNVERIFIED'],
  ['Wallet 0x45B73055F3aDcC4577Bb709db10B19d11b5c94eE has no staked VVV on Base', 'NO_STAKED_VVV'],
  ['Wallet has no staked VVV on Base', 'NO_STAKED_VVV'],
];

describe('the mint route: each documented 400 message', () => {
  it.each(MINT_MESSAGES)('"%s" -> %s', async (message, code) => {
    const { client, calls } = harness([{ status: 400, json: { error: message } }]);
    const error = await rejectionOf(client.mintWeb3Key(MINT_BODIES[0]));
    expect(error).toBeInstanceOf(VeniceError);
    const e = error as VeniceError;
    expect(e.code).toBe(code);
    expect(e.action).toBe(ERROR_TABLE[code].action);
    expect(e.status).toBe(400);
    expect(e.message).toBe(ERROR_TABLE[code].message);
    expect(e.toJSON()).toMatchObject({ code, action: ERROR_TABLE[code].action, message: ERROR_TABLE[code].message });
    expect(calls).toHaveLength(1);
  });
});

const HTTP_CASES: Array<[number, string | undefined, boolean, ErrorCode]> = [
  [400, 'Invalid request parameters', true, 'INVALID_REQUEST'],
  [400, 'API key not found or expired', true, 'KEY_NOT_FOUND'],
  [400, 'API key could not be found', true, 'KEY_DELETE_NOT_FOUND'],
  [400, 'You have reached the maximum of 500 active API keys', true, 'KEY_CAP_REACHED'],
  [500, 'Error 500 while listing keys', true, 'SERVER_ERROR'],
  [401, 'Admin API key required', true, 'ADMIN_KEY_REQUIRED'],
  [401, 'Authentication failed', true, 'AUTHENTICATION_FAILED'],
  [401, undefined, true, 'AUTHENTICATION_FAILED'],
  [401, 'Invalid Sign-in-with-x signature', false, 'X402_INVALID_SIGN_IN'],
  [402, undefined, false, 'PAYMENT_REQUIRED'],
  [402, 'Payment required', false, 'PAYMENT_REQUIRED'],
  [402, 'Insufficient USD or Diem balance to complete request.', true, 'INSUFFICIENT_BALANCE'],
  [402, 'API key USD spend limit exceeded. Your account may still have USD balance', true, 'USD_SPEND_LIMIT_EXCEEDED'],
  [402, 'API key DIEM spend limit exceeded. Your account may still have DIEM balance', true, 'DIEM_SPEND_LIMIT_EXCEEDED'],
  [403, 'Unauthorized access', true, 'FORBIDDEN'],
  [403, 'API access has been disabled for this account. Please contact support@venice.ai', true, 'API_ACCESS_DISABLED'],
  [403, 'You can only access resources for your own wallet', false, 'X402_WALLET_MISMATCH'],
  [429, 'Rate limit exceeded', true, 'RATE_LIMITED'],
  [429, 'Too many failed attempts (> 20) resulting in a non-success status code. Please wait 30s and try again.', true, 'RATE_LIMITED'],
  [500, 'An unknown error occurred', true, 'SERVER_ERROR'],
  [503, 'The model is temporarily offline.', true, 'SERVICE_UNAVAILABLE'],
  [502, undefined, true, 'SERVICE_UNAVAILABLE'],
  [504, undefined, true, 'TIMEOUT'],
  [418, undefined, true, 'UNKNOWN'],
];

describe('mapHttpError: status + message text', () => {
  it.each(HTTP_CASES)('%i "%s" (auth %s) -> %s', (status, text, hadAuthorization, code) => {
    expect(mapHttpError(status, text, { hadAuthorization })).toBe(code);
  });

  it('treats 401/403 on the SIWX route as sign-in problems', () => {
    expect(mapHttpError(401, 'Authentication failed', { hadAuthorization: false, siwx: true })).toBe('X402_INVALID_SIGN_IN');
    expect(mapHttpError(403, undefined, { hadAuthorization: false, siwx: true })).toBe('X402_WALLET_MISMATCH');
  });
});

describe('through the client: status, code, action, detail', () => {
  it.each(HTTP_CASES.filter(([, , auth]) => auth))('%i "%s" -> %s on an admin route', async (status, text, _auth, code) => {
    const body = text === undefined ? { text: '<html>error</html>' } : { json: { error: text } };
    const { client } = harness([{ status, ...body }], { retries: 0 });
    const e = (await rejectionOf(client.listKeys())) as VeniceError;
    expect([e.code, e.action, e.status]).toEqual([code, ERROR_TABLE[code].action, status]);
    expect(e.detail).toBe(text);
  });

  it('reads OpenAI-style error objects', async () => {
    const { client } = harness([{ status: 400, json: { error: { message: 'JWT has expired', type: 'invalid_request_error' } } }]);
    expect(((await rejectionOf(client.mintWeb3Key(MINT_BODIES[0]))) as VeniceError).code).toBe('JWT_EXPIRED');
  });

  it('a 402 on the unauthenticated mint route is an x402 payment challenge', async () => {
    const { client, calls } = harness([{ status: 402, json: { error: 'Payment required' } }]);
    expect(((await rejectionOf(client.mintWeb3Key(MINT_BODIES[0]))) as VeniceError).code).toBe('PAYMENT_REQUIRED');
    expect(calls[0]!.headers.authorization).toBeUndefined();
  });

  it('a SIWX rejection on the x402 balance route', async () => {
    const { client } = harness([{ status: 401, json: { error: 'Authentication failed' } }]);
    const e = (await rejectionOf(client.getX402Balance('0x45B73055F3aDcC4577Bb709db10B19d11b5c94eE', 'eyJhYmMiOjF9'))) as VeniceError;
    expect([e.code, e.action]).toEqual(['X402_INVALID_SIGN_IN', 'retry']);
  });
});

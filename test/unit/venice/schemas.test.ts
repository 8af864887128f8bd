import { describe, expect, it } from 'vitest';
import { BillingBalanceResponseSchema } from '../../../lib/venice/schemas/billing';
import { CreateKeyBodySchema, CreateKeyResponseSchema, KeyRecordSchema, UpdateKeyBodySchema } from '../../../lib/venice/schemas/keys';
import { ExpiresAtInputSchema, ExpiresAtUpdateSchema, LimitAmountSchema } from '../../../lib/venice/schemas/common';
import { MintKeyBodySchema } from '../../../lib/venice/schemas/web3';
import { RateLimitLogResponseSchema, RateLimitsResponseSchema } from '../../../lib/venice/schemas/rate-limits';
import { X402BalanceResponseSchema } from '../../../lib/venice/schemas/x402';
import { ANSWERS, MINT_BODIES, keyRecord } from './fixtures';

describe('request field rules', () => {
  it.each(['', '2026-12-31', '2024-02-29', '2026-12-31T23:59:59Z', '2026-12-31T23:59:59.123Z'])('expiresAt accepts %j', (v) => {
    expect(ExpiresAtInputSchema.safeParse(v).success).toBe(true);
  });

  it.each([null, '2026-1-01', '2026-12-31T23:59Z', '2026-12-31T23:59:59+02:00', '2026-12-31T23:59:59.12Z', '2025-02-29', '2026-13-01', '2026-12-31T24:00:00Z', ' 2026-12-31', 20261231])(
    'expiresAt on create and mint refuses %j',
    (v) => {
      expect(ExpiresAtInputSchema.safeParse(v).success).toBe(false);
    },
  );

  it('expiresAt on update also takes null (remove the expiry)', () => {
    expect(ExpiresAtUpdateSchema.safeParse(null).success).toBe(true);
    expect(ExpiresAtUpdateSchema.safeParse('soon').success).toBe(false);
  });

  it.each([
    [0, true], [9_999_999_999, true], [12.34, true], [null, true],
    [-0.01, false], [10_000_000_000, false], [Number.NaN, false], [Number.POSITIVE_INFINITY, false], ['5', false],
  ])('a limit amount of %s: %s', (v, ok) => {
    expect(LimitAmountSchema.safeParse(v).success).toBe(ok);
  });

  it('description is at most 64 characters', () => {
    expect(CreateKeyBodySchema.safeParse({ apiKeyType: 'ADMIN', description: 'd'.repeat(64) }).success).toBe(true);
    expect(CreateKeyBodySchema.safeParse({ apiKeyType: 'ADMIN', description: 'd'.repeat(65) }).success).toBe(false);
    expect(MintKeyBodySchema.safeParse({ ...MINT_BODIES[0], description: 'd'.repeat(65) }).success).toBe(false);
  });

  it.each([
    ['create', CreateKeyBodySchema, { apiKeyType: 'ADMIN', description: 'a' }],
    ['update', UpdateKeyBodySchema, { id: keyRecord.id }],
    ['mint', MintKeyBodySchema, MINT_BODIES[0]],
  ] as const)('%s body: strict at the top and inside consumptionLimit', (_label, schema, valid) => {
    expect(schema.safeParse(valid).success).toBe(true);
    expect(schema.safeParse({ ...valid, unknown: 1 }).success).toBe(false);
    expect(schema.safeParse({ ...valid, consumptionLimit: { usd: 1, eur: 1 } }).success).toBe(false);
  });
});

describe('response schemas', () => {
  it('key records: nullable dates, optional usage, required masked fields', () => {
    expect(KeyRecordSchema.safeParse({ ...keyRecord, createdAt: null, lastUsedAt: null, expiresAt: null }).success).toBe(true);
    const { usage: _u, currentPeriodUsage: _c, description: _d, ...minimal } = keyRecord;
    expect(KeyRecordSchema.safeParse(minimal).success).toBe(true);
    for (const field of ['id', 'apiKeyType', 'consumptionLimits', 'limitPeriod', 'modelPrivacy', 'createdAt', 'expiresAt', 'last6Chars', 'lastUsedAt']) {
      const { [field]: _gone, ...rest } = keyRecord as Record<string, unknown>;
      expect(KeyRecordSchema.safeParse(rest).success, field).toBe(false);
    }
    expect(KeyRecordSchema.safeParse({ ...keyRecord, currentPeriodUsage: { usd: '1.0000' } }).success).toBe(false);
  });

  it('a created key needs its secret, and accepts a null expiry', () => {
    const answer = ANSWERS['POST /api_keys'];
    expect(CreateKeyResponseSchema.safeParse({ ...answer, data: { ...answer.data, expiresAt: null } }).success).toBe(true);
    expect(CreateKeyResponseSchema.safeParse({ ...answer, data: { ...answer.data, apiKey: '' } }).success).toBe(false);
  });

  it('rate limits: balances may be missing, keyExpiration null, apiModelId optional', () => {
    const data = ANSWERS['GET /api_keys/rate_limits'].data;
    const sparse = { ...data, balances: {}, rateLimits: [{ rateLimits: [] }] };
    expect(RateLimitsResponseSchema.safeParse({ data: sparse }).success).toBe(true);
    expect(RateLimitsResponseSchema.safeParse({ data: { ...data, accessPermitted: 'yes' } }).success).toBe(false);
    expect(RateLimitsResponseSchema.safeParse({ data: { ...data, keyExpiration: undefined } }).success).toBe(false);
  });

  it('rate-limit log: only the documented breach types', () => {
    const entry = ANSWERS['GET /api_keys/rate_limits/log'].data[0];
    for (const type of ['RPD', 'RPM', 'TPM', 'FAILED_REQUESTS', 'UNSUPPORTED_FEATURE_REQUESTS']) {
      expect(RateLimitLogResponseSchema.safeParse({ object: 'list', data: [{ ...entry, rateLimitType: type }] }).success).toBe(true);
    }
    expect(RateLimitLogResponseSchema.safeParse({ object: 'list', data: [{ ...entry, rateLimitType: 'RPH' }] }).success).toBe(false);
  });

  it('billing: consumptionCurrency and both balances may be null, but must be present', () => {
    const answer = ANSWERS['GET /billing/balance'];
    expect(BillingBalanceResponseSchema.safeParse({ ...answer, consumptionCurrency: null, balances: { diem: null, usd: null } }).success).toBe(true);
    expect(BillingBalanceResponseSchema.safeParse({ ...answer, consumptionCurrency: 'EUR' }).success).toBe(false);
    expect(BillingBalanceResponseSchema.safeParse({ ...answer, balances: { diem: 1 } }).success).toBe(false);
  });

  it('x402 balance: diemBalanceUsd optional, success must be true', () => {
    const answer = ANSWERS['GET /x402/balance/{walletAddress}'];
    expect(X402BalanceResponseSchema.safeParse({ ...answer, data: { ...answer.data, diemBalanceUsd: 5.25 } }).success).toBe(true);
    expect(X402BalanceResponseSchema.safeParse({ ...answer, data: { ...answer.data, balanceUsd: '12.5' } }).success).toBe(false);
  });
});

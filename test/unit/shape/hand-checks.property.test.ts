// Property test beside hand-checks.test.ts: one field of a valid value, at any depth, replaced by
// an arbitrary value (fast-check), and each popup hand check still gives its zod schema's answer.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseMintState } from '../../../lib/mint/state';
import { readMintState } from '../../../lib/mint/state-check';
import { STORE_BUILD } from '../../../lib/settings/build-policy';
import { DEFAULT_SETTINGS } from '../../../lib/settings/schema';
import { storedTimings } from '../../../lib/settings/stored-timings';
import { parseStoredSettings } from '../../../lib/settings/validate';
import { PollEntrySchema } from '../../../lib/toolbar/cache';
import { pollEntryOf } from '../../../lib/toolbar/poll-entry-check';
import { StoredRecordSchema } from '../../../lib/vault/record';
import { storedRecordMeta } from '../../../lib/vault/record-check';
import { paths, setAt } from './mutations';

const RECORD = {
  id: '11111111-1111-4111-8111-111111111111', veniceId: 'v', last6: 'aaaaaa', type: 'ADMIN', description: 'd', source: 'imported',
  apiBaseUrl: 'http://127.0.0.1:9/api/v1', createdAt: '2025-06-01T00:00:00Z', limits: { usd: 1 }, expiresAt: null,
  secret: { v: 1, iv: 'AA==', ct: 'AA==' },
};
const ENTRY = {
  status: 'ok', attemptedAt: 1, fetchedAt: 1, error: null, failures: 0,
  limits: { accessPermitted: true, balances: { DIEM: 1 }, keyExpiration: null, nextEpochBegins: 'x', rateLimits: [{ rateLimits: [{ type: 'RPM', amount: 1 }] }] },
};
const STATE = {
  status: 'failed', from: 'minting', flowId: 'f', updatedAt: 1,
  error: { code: 'UNKNOWN', message: 'm', action: 'retry' },
  ctx: { wallets: [{ id: 'w', name: 'W' }], options: { apiKeyType: 'INFERENCE', consumptionLimit: { usd: 1 } } },
};

const anyValue = fc.oneof(fc.anything(), fc.string(), fc.double(), fc.integer(), fc.constantFrom(null, undefined, '', [], {}));

function agrees(valid: unknown, hand: (v: unknown) => unknown, schema: (v: unknown) => unknown) {
  const where = paths(valid);
  fc.assert(
    fc.property(fc.integer({ min: 0, max: where.length - 1 }), anyValue, (i, value) => {
      const changed = setAt(valid, where[i]!, value);
      expect(hand(changed)).toEqual(schema(changed));
    }),
    { numRuns: 300 },
  );
}

describe('popup hand checks against their schemas, one arbitrary field at a time', () => {
  it('stored key record', () =>
    agrees(RECORD, (v) => storedRecordMeta(v) !== null, (v) => StoredRecordSchema.safeParse(v).success));
  it('cached poll', () => agrees(ENTRY, (v) => pollEntryOf(v) !== null, (v) => PollEntrySchema.safeParse(v).success));
  it('mint flow', () => agrees(STATE, readMintState, parseMintState));
  it('first-paint settings', () =>
    agrees({ ...DEFAULT_SETTINGS, pollMinutes: 1 }, storedTimings, (v) => {
      const { pollMinutes, autoLockMinutes, clipboardClearSeconds, activeKeyId } = parseStoredSettings(v, STORE_BUILD);
      return { pollMinutes, autoLockMinutes, clipboardClearSeconds, activeKeyId };
    }));
});

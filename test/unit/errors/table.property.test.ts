// Property tests of the error table (lib/errors): every code, with any detail, gives error data
// that fits the wire schema, with the table's sentence and its action; anything thrown becomes
// such data; a storage refusal is STORAGE_FULL exactly when the browser says "quota".
import { it } from '@fast-check/vitest';
import fc from 'fast-check';
import { describe, expect } from 'vitest';
import {
  AppErrorSchema,
  AppException,
  appError,
  ERROR_ACTIONS,
  ERROR_CODES,
  ERROR_TABLE,
  MAX_DETAIL_LENGTH,
  storageWriteError,
  toAppError,
} from '../../../lib/errors';

const code = fc.constantFrom(...ERROR_CODES);
/** Details as servers and wallets write them, secrets included. */
const detail = fc.oneof(
  fc.string({ maxLength: 400 }),
  fc.stringMatching(/^[A-Za-z0-9._~+/=-]{8,60}$/).map((body) => `Bad key VENICE_INFERENCE_KEY_${body} sent`),
  fc.stringMatching(/^[A-Za-z0-9_-]{10,40}$/).map((part) => `token eyJ${part}.${part}.${part} expired`),
  fc.stringMatching(/^[0-9a-f]{130,140}$/).map((hex) => `signature 0x${hex} is wrong`),
);

describe('error table (property)', () => {
  it.prop([code, fc.option(detail, { nil: undefined })], { numRuns: 300 })(
    'every code, with any detail, gives wire-safe data: the table sentence, an action, a short redacted detail',
    (c, d) => {
      const error = appError(c, d);
      expect(AppErrorSchema.safeParse(error).success).toBe(true);
      expect(error.message).toBe(ERROR_TABLE[c].message);
      expect(error.message).toMatch(/^[A-Z].*\.$/);
      expect(ERROR_ACTIONS).toContain(error.action);
      expect(error.action).toBe(ERROR_TABLE[c].action);
      if (error.detail !== undefined) {
        expect(error.detail.length).toBeLessThanOrEqual(MAX_DETAIL_LENGTH);
        expect(error.detail).not.toMatch(/VENICE_[A-Z]+_KEY_[A-Za-z0-9]|eyJ[A-Za-z0-9]|[0-9a-f]{130}/);
      }
      expect(toAppError(new AppException(error))).toEqual(error);
    },
  );

  it.prop([fc.anything({ withNullPrototype: true, withObjectString: true })], { numRuns: 300 })('anything thrown becomes valid error data, never a crash', (thrown) => {
    expect(AppErrorSchema.safeParse(toAppError(thrown)).success).toBe(true);
  });

  it.prop([fc.string(), fc.string(), fc.boolean()], { numRuns: 200 })(
    'a refused storage write is STORAGE_FULL exactly when the browser speaks of a quota',
    (before, after, asName) => {
      const text = `${before}${after}`;
      const plain = storageWriteError(asName ? Object.assign(new Error('x'), { name: text }) : new Error(text)).code;
      expect(plain).toBe(/quota/i.test(text) ? 'STORAGE_FULL' : 'VAULT_STORAGE_FAILED');
      expect(storageWriteError(new Error(`${before}QUOTA_BYTES quota exceeded${after}`)).code).toBe('STORAGE_FULL');
    },
  );
});

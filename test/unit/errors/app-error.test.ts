import { describe, expect, it } from 'vitest';
import {
  AppErrorSchema,
  AppException,
  ERROR_CODES,
  ERROR_TABLE,
  MAX_DETAIL_LENGTH,
  appError,
  isAppError,
  toAppError,
} from '../../../lib/errors';

describe('appError', () => {
  it('builds every code from the table, and the result passes AppErrorSchema', () => {
    for (const code of ERROR_CODES) {
      const error = appError(code);
      expect(error).toEqual({ code, message: ERROR_TABLE[code].message, action: ERROR_TABLE[code].action });
      expect(AppErrorSchema.parse(error)).toEqual(error);
    }
  });

  it('keeps a detail, redacted, squeezed and shortened', () => {
    const error = appError('INVALID_REQUEST', `  field   description\nis too long; key VENICE_ADMIN_KEY_abcdef123456 `);
    expect(error.detail).toBe('field description is too long; key [redacted key]');
    const long = appError('UNKNOWN', 'x '.repeat(400));
    expect(long.detail!.length).toBe(MAX_DETAIL_LENGTH);
    expect(isAppError(long)).toBe(true);
    expect(appError('UNKNOWN', '   ')).not.toHaveProperty('detail');
  });
});

describe('isAppError / AppErrorSchema', () => {
  it.each([
    [null],
    ['NO_STAKED_VVV'],
    [{ code: 'NOT_A_CODE', message: 'x', action: 'retry' }],
    [{ code: 'UNKNOWN', message: 'x', action: 'dance' }],
    [{ code: 'UNKNOWN', message: '', action: 'retry' }],
    [{ code: 'UNKNOWN', message: 'x', action: 'retry', stack: 'at foo' }],
    [new Error('boom')],
  ])('rejects %j', (value) => {
    expect(isAppError(value)).toBe(false);
  });
});

describe('AppException / toAppError', () => {
  it('is an Error with the table sentence and gives plain data back', () => {
    const ex = new AppException(appError('VAULT_LOCKED', 'after restart'));
    expect(ex).toBeInstanceOf(Error);
    expect(ex.message).toBe(ERROR_TABLE.VAULT_LOCKED.message);
    expect(JSON.parse(JSON.stringify(ex))).toEqual({
      code: 'VAULT_LOCKED', message: ERROR_TABLE.VAULT_LOCKED.message, action: 'unlock', detail: 'after restart',
    });
    expect(toAppError(ex)).toEqual(ex.toJSON());
  });

  it('turns foreign throwables into UNKNOWN without their text', () => {
    const error = toAppError(new Error('secret VENICE_ADMIN_KEY_abc'));
    expect(error).toEqual(appError('UNKNOWN'));
    expect(toAppError(appError('FLOW_BUSY'))).toEqual(appError('FLOW_BUSY'));
  });
});

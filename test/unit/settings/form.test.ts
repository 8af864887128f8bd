import { STORE_BUILD } from '../../../lib/settings/build-policy';
import { describe, expect, it } from 'vitest';
import { draftOf, errorsByField, parsePort, patchOf } from '../../../lib/settings/form';
import { DEFAULT_SETTINGS } from '../../../lib/settings/schema';
import { applySettingsPatch } from '../../../lib/settings/validate';

const STORE = STORE_BUILD;

describe('settings form draft', () => {
  it('round-trips the settings through the text fields', () => {
    const settings = { ...DEFAULT_SETTINGS, lowBalanceRatio: 0.125, pollMinutes: 0.5, activeKeyId: 'k' };
    const draft = draftOf(settings);
    expect(draft.lowBalancePercent).toBe('12.5');
    expect(draft.pollMinutes).toBe('0.5');
    expect(applySettingsPatch(settings, patchOf(draft), STORE)).toEqual({ ok: true, settings });
  });

  it('reads a comma as a decimal point and an empty field as missing', () => {
    const draft = { ...draftOf(DEFAULT_SETTINGS), pollMinutes: '2,5', lowBalanceAbsolute: ' ' };
    const result = applySettingsPatch(DEFAULT_SETTINGS, patchOf(draft), STORE);
    expect(result).toEqual({ ok: false, errors: [{ field: 'lowBalanceAbsolute', reason: 'Enter a number for the amount' }] });
    expect(patchOf(draft).pollMinutes).toBe(2.5);
  });

  it('puts each reason on its form field, the share in percent', () => {
    const draft = { ...draftOf(DEFAULT_SETTINGS), lowBalancePercent: '150', apiBaseUrl: 'http://x.example/api' };
    const result = applySettingsPatch(DEFAULT_SETTINGS, patchOf(draft), STORE);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(errorsByField(result.errors)).toEqual({
      apiBaseUrl: 'This build uses https://api.venice.ai/api/v1 only',
      lowBalancePercent: 'Use a percentage between 0 and 100',
    });
    expect(errorsByField([{ field: 'activeKeyId', reason: 'Bad' }])).toEqual({ form: 'activeKeyId: Bad' });
  });

  it('accepts only real port numbers for the sandbox helper', () => {
    expect(['8787', ' 1 ', '65535', '0', '65536', '12a', '', '-1', '1.5'].map(parsePort)).toEqual([
      8787, 1, 65535, null, null, null, null, null, null,
    ]);
  });
});

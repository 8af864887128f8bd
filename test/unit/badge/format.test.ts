import { describe, expect, it } from 'vitest';
import { compactAmount, compactUsd, formatDuration, formatUtc } from '../../../lib/badge/format';

describe('compactAmount (DIEM and other plain units)', () => {
  it.each([
    [0, '0'],
    [0.05, '0.05'],
    [0.5, '0.5'],
    [5.25, '5.25'],
    [12.34, '12.3'],
    [12.39, '12.3'], // rounded down: never shows more than can be spent
    [123.456, '123'],
    [999.99, '999'],
    [1000, '1k'],
    [1234, '1.2k'],
    [12_345, '12k'],
    [999_999, '999k'],
    [1_250_000, '1.2M'],
    [9_999_999_999, '9.9B'],
    [-3, '0'],
    [Number.NaN, '0'],
  ])('%s -> %s', (value, text) => {
    const out = compactAmount(value);
    expect(out).toBe(text);
    expect(out.length).toBeLessThanOrEqual(4);
  });
});

describe('compactUsd', () => {
  it.each([
    [50, '$50'],
    [50.23, '$50'],
    [5.25, '$5.2'],
    [0.05, '$.05'],
    [999.5, '$999'],
    [1234.5, '1.2k'],
    [12_000, '$12k'],
  ])('%s -> %s', (value, text) => {
    const out = compactUsd(value);
    expect(out).toBe(text);
    expect(out.length).toBeLessThanOrEqual(4);
  });
});

describe('time words', () => {
  it.each([
    [10_000, 'under a minute'],
    [12 * 60_000, '12 min'],
    [(3 * 60 + 5) * 60_000, '3 h 5 min'],
    [2 * 3_600_000, '2 h'],
    [5 * 86_400_000, '5 days'],
  ])('%s ms -> %s', (ms, words) => expect(formatDuration(ms)).toBe(words));

  it('formats instants in UTC and refuses a text that is not a date', () => {
    expect(formatUtc('2025-05-07T00:00:00.000Z')).toBe('2025-05-07 00:00 UTC');
    expect(formatUtc('soon')).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { formatSvvv, formatTokenAmount, formatVvv } from '../../../lib/chain';

const WEI = 10n ** 18n;

describe('formatTokenAmount', () => {
  it.each([
    [0n, '0'],
    [1n * WEI, '1'],
    [1234n * WEI + 5n * 10n ** 17n, '1,234.5'],
    [1_000_000n * WEI, '1,000,000'],
    [123456789n * 10n ** 12n, '123.4567'], // cut, not rounded up to 123.4568
    [1n, '<0.0001'],
    [10n ** 14n, '0.0001'],
  ])('formats %s wei as %s', (wei, text) => {
    expect(formatTokenAmount(wei)).toBe(text);
  });

  it('takes other decimals and precisions', () => {
    expect(formatTokenAmount(1_234_567n, { decimals: 6, maxDecimals: 2 })).toBe('1.23');
    expect(formatTokenAmount(5n, { decimals: 6, maxDecimals: 2 })).toBe('<0.01');
  });

  it('names the token', () => {
    expect(formatSvvv(100n * WEI)).toBe('100 sVVV');
    expect(formatVvv(25n * 10n ** 17n)).toBe('2.5 VVV');
  });
});

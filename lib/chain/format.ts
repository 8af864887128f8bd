/** Token amounts for people: formatUnits, then at most a few decimals, never rounded up. */
import { formatUnits } from 'viem';
import { TOKEN_DECIMALS } from './constants';

/**
 * Formats a wei amount: "1,234.5678" (en-US grouping), trailing zeros dropped,
 * cut (not rounded) to `maxDecimals`, and "<0.0001" for a tiny non-zero amount,
 * so a balance is never shown larger than it is.
 */
export function formatTokenAmount(wei: bigint, options: { decimals?: number; maxDecimals?: number } = {}): string {
  const { decimals = TOKEN_DECIMALS, maxDecimals = 4 } = options;
  const negative = wei < 0n;
  const [whole = '0', fraction = ''] = formatUnits(negative ? -wei : wei, decimals).split('.');
  const cut = fraction.slice(0, maxDecimals).replace(/0+$/, '');
  if (whole === '0' && cut === '' && fraction !== '') return `<${(10 ** -maxDecimals).toFixed(maxDecimals)}`;
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${negative ? '-' : ''}${grouped}${cut ? `.${cut}` : ''}`;
}

/** "100 sVVV", "12.5 VVV". */
export const formatSvvv = (wei: bigint) => `${formatTokenAmount(wei)} sVVV`;
export const formatVvv = (wei: bigint) => `${formatTokenAmount(wei)} VVV`;

/** Display helpers for the mint UI (pure, no browser APIs). */

/** A wei amount (decimal string, 18 decimals) as a short token amount: "1,234.5678". */
export function formatTokenAmount(wei: string, decimals = 18, maxFraction = 4): string {
  if (!/^\d+$/.test(wei)) return '0';
  const padded = wei.padStart(decimals + 1, '0');
  const whole = padded.slice(0, padded.length - decimals).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const fraction = padded.slice(padded.length - decimals, padded.length - decimals + maxFraction).replace(/0+$/, '');
  if (whole === '0' && !fraction && wei !== '0') return `<0.${'0'.repeat(maxFraction - 1)}1`;
  return fraction ? `${whole}.${fraction}` : whole;
}

/** 0x1234…abcd */
export function shortAddress(address: string): string {
  return address.length > 12 ? `${address.slice(0, 6)}…${address.slice(-4)}` : address;
}

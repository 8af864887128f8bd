// The badge's colours against its white text, by WCAG 2's contrast ratio: every state at 4.5:1 or
// better (the badge text is about 9 px, small text). And each state that is not a number has its
// own sign, so blocked, gone and failed never look alike.
import { describe, expect, it } from 'vitest';
import { BADGE_COLORS, BADGE_SIGNS } from '../../../lib/badge/look';

function luminance(hex: string): number {
  const channels = [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16) / 255);
  const [r, g, b] = channels.map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

describe('badge colours', () => {
  it('computes known ratios (white on black 21:1, the old amber 4.2:1)', () => {
    expect(contrast('#ffffff', '#000000')).toBeCloseTo(21, 5);
    expect(contrast('#ffffff', '#b26b00')).toBeCloseTo(4.2, 1);
  });

  it.each(Object.entries(BADGE_COLORS))('%s (%s) is at least 4.5:1 under white text', (_name, color) => {
    expect(contrast('#ffffff', color)).toBeGreaterThanOrEqual(4.5);
  });

  it('gives every sign its own text', () => {
    const signs = Object.values(BADGE_SIGNS);
    expect(new Set(signs).size).toBe(signs.length);
  });
});

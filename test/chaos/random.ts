// Seeded randomness for the chaos run: one generator per attempt, derived from the run's seed and
// the attempt's number, so `--seed S --only K` draws attempt K exactly as the full run did.
import { mulberry32 } from '../seeded-random';

export type Rng = () => number;

/** The generator of attempt `attempt` (1-based) of the run seeded `seed`. */
export function attemptRng(seed: number, attempt: number): Rng {
  return mulberry32(Math.imul(seed >>> 0, 0x9e3779b1) ^ Math.imul(attempt, 0x85ebca6b));
}

export const chance = (rng: Rng, p: number): boolean => rng() < p;
export const between = (rng: Rng, lo: number, hi: number): number => lo + Math.floor(rng() * (hi - lo + 1));
export function pick<T>(rng: Rng, items: readonly T[]): T {
  const item = items[Math.floor(rng() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

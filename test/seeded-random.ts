// mulberry32: a small, fast 32-bit seeded generator, numbers in [0, 1). Shared by the e2e file
// shuffle (test/e2e/harness/sequencer.ts) and the chaos run's draws (test/chaos/random.ts).
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

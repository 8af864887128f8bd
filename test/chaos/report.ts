// The chaos run's figures: a table a person reads, and one JSON line a script reads.
import type { AttemptCounts, Violation } from './invariants';
import { FAULT_KINDS, type FaultKind } from './plan';

export interface Totals extends AttemptCounts {
  attempts: number;
  faults: Record<FaultKind, number>;
  stuck: number;
  clicksLost: number;
  msToSettled: number[];
  final: Record<string, number>;
}

export function emptyTotals(): Totals {
  return {
    attempts: 0,
    minted: 0,
    saved: 0,
    shownOnce: 0,
    told: 0,
    lost: 0,
    duplicates: 0,
    orphaned: 0,
    stuck: 0,
    clicksLost: 0,
    msToSettled: [],
    final: {},
    faults: Object.fromEntries(FAULT_KINDS.map((k) => [k, 0])) as Record<FaultKind, number>,
  };
}

export function percentile(values: number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? null;
}

export function printReport(t: Totals, violations: Violation[], meta: { seed: number; seconds: number }): void {
  const p50 = percentile(t.msToSettled, 50);
  const p95 = percentile(t.msToSettled, 95);
  const rows: Array<[string, string | number]> = [
    ['attempts', t.attempts],
    ...FAULT_KINDS.map((k): [string, number] => [`  fault: ${k}`, t.faults[k]]),
    ['keys minted (sandbox)', t.minted],
    ['keys saved in the vault', t.saved],
    ['keys shown once (Copy + warning)', t.shownOnce],
    ['keys not received, person told to check', t.told],
    ['keys lost silently', t.lost],
    ['duplicate mints', t.duplicates],
    ['keys orphaned by a browser re-send', t.orphaned],
    ['stuck flows', t.stuck],
    ['clicks that never left ready', t.clicksLost],
    ['p50 ms to a settled state', p50 ?? '-'],
    ['p95 ms to a settled state', p95 ?? '-'],
    ['final states', Object.entries(t.final).map(([k, v]) => `${k} ${v}`).join(', ')],
    ['violations', violations.length],
    ['wall time (s)', Math.round(meta.seconds)],
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  console.log('\n[chaos] results');
  for (const [k, v] of rows) console.log(`  ${k.padEnd(width)}  ${v}`);
  const byKind: Record<string, number> = {};
  for (const v of violations) byKind[v.kind] = (byKind[v.kind] ?? 0) + 1;
  console.log(
    JSON.stringify({
      chaos: {
        seed: meta.seed,
        attempts: t.attempts,
        faults: t.faults,
        minted: t.minted,
        saved: t.saved,
        shownOnce: t.shownOnce,
        told: t.told,
        lost: t.lost,
        duplicates: t.duplicates,
        orphaned: t.orphaned,
        stuck: t.stuck,
        clicksLost: t.clicksLost,
        p50Ms: p50,
        p95Ms: p95,
        final: t.final,
        violations: byKind,
        seconds: Math.round(meta.seconds),
      },
    }),
  );
}

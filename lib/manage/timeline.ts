/**
 * The rate-limit log as a timeline: one lane per model and limit type (FAILED_REQUESTS included),
 * each breach a mark placed by its time between the oldest and the newest. Pure, so the page draws
 * it as plain SVG (no chart library for 50 points) and a test checks the layout.
 */
export interface Breach {
  modelId: string;
  rateLimitType: string;
  timestamp: string;
}

export interface TimelineLane {
  /** "model · type", the lane's label. */
  label: string;
  /** Each breach's place from 0 (oldest of the whole log) to 1 (newest), oldest first. */
  marks: Array<{ at: number; timestamp: string }>;
}

export interface Timeline {
  lanes: TimelineLane[];
  from: string;
  to: string;
}

/** Lanes ordered by how many breaches they hold (most first), then by label; null for an empty log. */
export function timelineOf(entries: readonly Breach[]): Timeline | null {
  const timed = entries
    .map((entry) => ({ entry, ms: Date.parse(entry.timestamp) }))
    .filter(({ ms }) => Number.isFinite(ms))
    .sort((a, b) => a.ms - b.ms);
  if (timed.length === 0) return null;
  const first = timed[0]!.ms;
  const span = timed.at(-1)!.ms - first;
  const lanes = new Map<string, TimelineLane>();
  for (const { entry, ms } of timed) {
    const label = `${entry.modelId} · ${entry.rateLimitType}`;
    const lane = lanes.get(label) ?? { label, marks: [] };
    lane.marks.push({ at: span === 0 ? 0.5 : (ms - first) / span, timestamp: entry.timestamp });
    lanes.set(label, lane);
  }
  const ordered = [...lanes.values()].sort((a, b) => b.marks.length - a.marks.length || a.label.localeCompare(b.label));
  return { lanes: ordered, from: timed[0]!.entry.timestamp, to: timed.at(-1)!.entry.timestamp };
}

// The rate-limit timeline's layout: lanes by model and type, most breaches first, marks placed by
// time between the oldest and newest entry; one entry sits in the middle; bad timestamps are skipped.
import { describe, expect, it } from 'vitest';
import { timelineOf } from '../../../lib/manage/timeline';

const at = (modelId: string, rateLimitType: string, timestamp: string) => ({ modelId, rateLimitType, timestamp });

describe('timelineOf', () => {
  it('is null for an empty log', () => {
    expect(timelineOf([])).toBeNull();
  });

  it('puts each breach in its model and type lane, placed by time, busiest lane first', () => {
    const timeline = timelineOf([
      at('llama', 'RPM', '2026-01-10T12:10:00Z'),
      at('none', 'FAILED_REQUESTS', '2026-01-10T12:00:00Z'),
      at('llama', 'RPM', '2026-01-10T12:05:00Z'),
      at('llama', 'TPM', '2026-01-10T12:00:00Z'),
    ])!;
    expect(timeline.lanes.map((l) => l.label)).toEqual(['llama · RPM', 'llama · TPM', 'none · FAILED_REQUESTS']);
    expect(timeline.lanes[0]!.marks.map((m) => m.at)).toEqual([0.5, 1]);
    expect(timeline.lanes[2]!.marks).toEqual([{ at: 0, timestamp: '2026-01-10T12:00:00Z' }]);
    expect([timeline.from, timeline.to]).toEqual(['2026-01-10T12:00:00Z', '2026-01-10T12:10:00Z']);
  });

  it('centres a single breach and skips an entry whose time cannot be read', () => {
    const timeline = timelineOf([at('m', 'RPD', 'yesterday'), at('m', 'RPD', '2026-01-10T12:00:00Z')])!;
    expect(timeline.lanes).toEqual([{ label: 'm · RPD', marks: [{ at: 0.5, timestamp: '2026-01-10T12:00:00Z' }] }]);
  });
});

import { i18n } from '#i18n';
import type { Breach } from '../lib/manage/timeline';
import { timelineOf } from '../lib/manage/timeline';

const LANE = 22;
const LABEL = 220;
const WIDTH = 760;
const stamp = (iso: string) => iso.slice(0, 16).replace('T', ' ');

/**
 * The rate-limit breaches on a time axis, one lane per model and type. A picture for the eye: the
 * table below it holds the same entries for screen readers, so the SVG is summarized in one label.
 */
export function ManageRateTimeline({ entries }: { entries: readonly Breach[] }) {
  const timeline = timelineOf(entries);
  if (!timeline) return null;
  const plot = WIDTH - LABEL - 16;
  const height = timeline.lanes.length * LANE + 24;
  const summary = i18n.t('manage.log.timeline_label', [entries.length, timeline.lanes.length, stamp(timeline.from), stamp(timeline.to)]);
  return (
    <figure class="timeline" data-testid="rate-limit-timeline">
      <svg viewBox={`0 0 ${WIDTH} ${height}`} width="100%" role="img" aria-label={summary}>
        {timeline.lanes.map((lane, i) => {
          const y = i * LANE + LANE / 2;
          return (
            <g key={lane.label} data-lane={lane.label} data-count={lane.marks.length}>
              <text x={LABEL - 8} y={y + 4} text-anchor="end" class="timeline-label">{lane.label}</text>
              <line x1={LABEL} x2={LABEL + plot} y1={y} y2={y} class="timeline-rule" />
              {lane.marks.map((mark, j) => (
                <circle key={j} cx={LABEL + mark.at * plot} cy={y} r={5} class="timeline-mark"><title>{`${lane.label}, ${stamp(mark.timestamp)}`}</title></circle>
              ))}
            </g>
          );
        })}
        <text x={LABEL} y={height - 4} class="timeline-axis">{stamp(timeline.from)}</text>
        <text x={LABEL + plot} y={height - 4} text-anchor="end" class="timeline-axis">{stamp(timeline.to)}</text>
      </svg>
    </figure>
  );
}

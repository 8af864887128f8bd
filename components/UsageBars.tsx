import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { i18n } from '#i18n';

export interface BarRow {
  id: string;
  /** The row's name in the table (a th). */
  label: ComponentChildren;
  /** Its short name under the bars. */
  tick: string;
  usd: number;
  diem: number;
}

const COLORS = { usd: ['#2f5bd3', 'rgba(47,91,211,0.7)'], diem: ['#c0841a', 'rgba(192,132,26,0.7)'] } as const;

/** At most ~12 labelled ticks, whatever the number of bars (90 days). */
function tickEvery(count: number): number {
  return Math.max(1, Math.ceil(count / 12));
}

/**
 * USD and DIEM bars, one pair per row, drawn with uPlot loaded on first render (never by the popup
 * or the background), and the same figures in a table below for screen readers (the chart is
 * aria-hidden); the table is also what is left if the chart library fails to load. Every amount
 * cell carries its exact value in `data-value`, and the footer the totals.
 */
export function UsageBars({ id, title, hint, rowHeader, rows, extraColumn }: {
  id: string;
  title: string;
  hint?: string;
  rowHeader: string;
  rows: readonly BarRow[];
  /** A column between the row's name and the amounts (e.g. a key's last six). */
  extraColumn?: { header: string; cell: (row: BarRow) => ComponentChildren };
}) {
  const box = useRef<HTMLDivElement>(null);
  // Drawn again only when the figures change, not on every render of the section around it.
  const figures = rows.map((r) => `${r.id}=${r.usd}/${r.diem}`).join('|');
  const total = rows.reduce((sum, r) => ({ usd: sum.usd + r.usd, diem: sum.diem + r.diem }), { usd: 0, diem: 0 });
  useEffect(() => {
    if (!box.current || rows.length === 0) return;
    let plot: { destroy(): void } | undefined;
    let gone = false;
    void Promise.all([import('uplot'), import('uplot/dist/uPlot.min.css')]).then(([{ default: UPlot }]) => {
      if (gone || !box.current) return;
      const fg = getComputedStyle(document.documentElement).getPropertyValue('--fg').trim() || '#888';
      const x = rows.map((_, i) => i);
      const every = tickEvery(rows.length);
      const bars = (align: 0 | 1) => UPlot.paths.bars!({ size: [0.35, 40], align });
      plot = new UPlot({
        width: Math.min(box.current.clientWidth || 720, 900), height: 240,
        scales: { x: { time: false, range: [-0.5, rows.length - 0.5] } },
        axes: [
          { stroke: fg, grid: { show: false }, splits: () => x.filter((i) => i % every === 0), values: (_u: unknown, ticks: number[]) => ticks.map((t) => rows[t]?.tick ?? '') },
          { stroke: fg, grid: { stroke: 'rgba(128,128,128,0.25)' } },
        ],
        series: [
          { label: rowHeader, value: (_u: unknown, i: number | null) => (i === null ? '--' : rows[i]?.tick ?? '--') },
          { label: 'USD', stroke: COLORS.usd[0], fill: COLORS.usd[1], paths: bars(0), points: { show: false } },
          { label: 'DIEM', stroke: COLORS.diem[0], fill: COLORS.diem[1], paths: bars(1), points: { show: false } },
        ],
      }, [x, rows.map((r) => r.usd), rows.map((r) => r.diem)], box.current);
    }).catch(() => undefined);
    return () => { gone = true; plot?.destroy(); };
  }, [figures]);

  const amount = (value: number) => <td class="num" data-value={String(value)}>{value.toFixed(4)}</td>;
  return (
    <section class="stack" aria-labelledby={`${id}-title`} data-testid={id}>
      <h3 id={`${id}-title`}>{title}</h3>
      {hint && <p class="hint">{hint}</p>}
      <div ref={box} class="chart" aria-hidden="true" />
      {/* Scrolls when long (90 days), and takes the keyboard focus so it can be scrolled without a mouse. */}
      <div class="table-wrap scroll" tabIndex={0} role="region" aria-label={title}>
        <table>
          <caption class="visually-hidden">{title}</caption>
          <thead><tr>
            <th scope="col">{rowHeader}</th>
            {extraColumn && <th scope="col">{extraColumn.header}</th>}
            <th scope="col" class="num">USD</th><th scope="col" class="num">DIEM</th>
          </tr></thead>
          <tbody>{rows.map((r) => <tr key={r.id}><th scope="row">{r.label}</th>{extraColumn && <td>{extraColumn.cell(r)}</td>}{amount(r.usd)}{amount(r.diem)}</tr>)}</tbody>
          <tfoot><tr data-testid={`${id}-total`}>
            <th scope="row">{i18n.t('manage.analytics.total')}</th>{extraColumn && <td />}{amount(total.usd)}{amount(total.diem)}
          </tr></tfoot>
        </table>
      </div>
    </section>
  );
}

import { useEffect, useRef } from 'preact/hooks';
import { i18n } from '#i18n';
import type { KeyRecord } from '../lib/venice/schemas/keys';

const TOP = 12;

/** The keys that spent most in the last 7 days (USD + DIEM), for the chart and its table. */
export function topSpenders(keys: readonly KeyRecord[]): Array<{ key: KeyRecord; usd: number; diem: number }> {
  return keys
    .map((key) => ({ key, usd: Number(key.usage?.trailingSevenDays.usd ?? 0), diem: Number(key.usage?.trailingSevenDays.diem ?? 0) }))
    .filter((row) => row.usd > 0 || row.diem > 0)
    .sort((a, b) => b.usd + b.diem - (a.usd + a.diem))
    .slice(0, TOP);
}

/**
 * Spend per key over the last 7 days (what GET /api_keys gives: usage.trailingSevenDays), as bars.
 * uPlot is loaded only here, on first render of this chart (never by the popup or the background);
 * the table below it carries the same figures for screen readers and is the fallback if it fails.
 */
export function ManageUsageChart({ keys }: { keys: readonly KeyRecord[] }) {
  const rows = topSpenders(keys);
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!box.current || rows.length === 0) return;
    let plot: { destroy(): void } | undefined;
    let gone = false;
    void Promise.all([import('uplot'), import('uplot/dist/uPlot.min.css')]).then(([{ default: UPlot }]) => {
      if (gone || !box.current) return;
      const style = getComputedStyle(document.documentElement);
      const fg = style.getPropertyValue('--fg').trim() || '#888';
      const bars = UPlot.paths.bars!({ size: [0.35, 40], align: 0 });
      const x = rows.map((_, i) => i);
      plot = new UPlot({
        width: Math.min(box.current.clientWidth || 720, 900), height: 240,
        scales: { x: { time: false, range: [-0.5, rows.length - 0.5] } },
        axes: [
          { stroke: fg, grid: { show: false }, splits: () => x, values: (_u: unknown, ticks: number[]) => ticks.map((t) => rows[t]?.key.last6Chars ?? '') },
          { stroke: fg, grid: { stroke: 'rgba(128,128,128,0.25)' } },
        ],
        series: [
          {},
          { label: 'USD', stroke: '#2f5bd3', fill: 'rgba(47,91,211,0.7)', paths: bars, points: { show: false } },
          { label: 'DIEM', stroke: '#c0841a', fill: 'rgba(192,132,26,0.7)', paths: UPlot.paths.bars!({ size: [0.35, 40], align: 1 }), points: { show: false } },
        ],
      }, [x, rows.map((r) => r.usd), rows.map((r) => r.diem)], box.current);
    }).catch(() => undefined);
    return () => { gone = true; plot?.destroy(); };
  }, [keys]);

  return (
    <section class="stack" aria-labelledby="usage-title" data-testid="usage-chart">
      <h3 id="usage-title">{i18n.t('manage.usage.title')}</h3>
      <p class="hint">{i18n.t('manage.usage.hint')}</p>
      {rows.length === 0 ? <p class="hint">{i18n.t('manage.usage.none')}</p> : (
        <>
          <div ref={box} class="chart" aria-hidden="true" />
          <div class="table-wrap">
            <table>
              <caption class="visually-hidden">{i18n.t('manage.usage.title')}</caption>
              <thead><tr><th scope="col">{i18n.t('manage.table.col_description')}</th><th scope="col">{i18n.t('manage.table.col_key')}</th><th scope="col" class="num">USD</th><th scope="col" class="num">DIEM</th></tr></thead>
              <tbody>{rows.map((r) => <tr key={r.key.id}><th scope="row">{r.key.description || i18n.t('vault.keys.no_description')}</th><td><code>…{r.key.last6Chars}</code></td><td class="num">{r.usd.toFixed(4)}</td><td class="num">{r.diem.toFixed(4)}</td></tr>)}</tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}

import { i18n } from '#i18n';
import type { KeyRecord } from '../lib/venice/schemas/keys';

interface Props {
  detail: KeyRecord;
  held: boolean;
  paused: boolean;
  busy: boolean;
  onEdit: () => void;
  onPause: () => void;
  onResume: () => void;
  onRotate: () => void;
  onRevoke: () => void;
  onClose: () => void;
}

const cap = (value: number | null | undefined) => (value === null || value === undefined ? i18n.t('manage.table.no_cap') : String(value));

/** One key, everything GET /api_keys/{id} returns, readable; and what can be done with it. */
export function ManageDetails({ detail: k, held, paused, busy, onEdit, onPause, onResume, onRotate, onRevoke, onClose }: Props) {
  const seven = k.usage?.trailingSevenDays;
  const rows: Array<[string, string]> = [
    [i18n.t('manage.details.id'), k.id],
    [i18n.t('manage.table.col_type'), k.apiKeyType],
    [i18n.t('manage.table.col_key'), `…${k.last6Chars}`],
    [i18n.t('manage.table.col_created'), k.createdAt ?? '—'],
    [i18n.t('manage.table.col_expires'), k.expiresAt ?? i18n.t('manage.table.never')],
    [i18n.t('manage.table.col_last_used'), k.lastUsedAt ?? i18n.t('manage.table.never_used')],
    [i18n.t('manage.form.usd'), cap(k.consumptionLimits.usd)],
    [i18n.t('manage.form.diem'), cap(k.consumptionLimits.diem)],
    ...(k.consumptionLimits.vcu != null ? [[i18n.t('manage.details.vcu'), String(k.consumptionLimits.vcu)] as [string, string]] : []),
    [i18n.t('manage.form.period'), i18n.t(`manage.period.${k.limitPeriod}`)],
    [i18n.t('manage.form.privacy'), i18n.t(`manage.privacy.${k.modelPrivacy}`)],
    [i18n.t('manage.details.seven_days'), seven ? `$${seven.usd} · ${seven.diem} DIEM · ${seven.vcu} VCU` : '—'],
    [i18n.t('manage.details.period_usage'), k.currentPeriodUsage ? `$${k.currentPeriodUsage.usd} · ${k.currentPeriodUsage.diem} DIEM` : i18n.t('manage.details.no_period_usage')],
  ];
  const name = k.description || i18n.t('vault.keys.no_description');
  return (
    <section class="stack panel" aria-labelledby="details-title" data-testid="key-details">
      <div class="row spread">
        <h2 id="details-title">{name} <code>…{k.last6Chars}</code></h2>
        <button type="button" onClick={onClose}>{i18n.t('manage.details.close')}</button>
      </div>
      {held && <p class="hint">{i18n.t('manage.table.held_title')}</p>}
      {paused && <p class="warning">{i18n.t('manage.details.paused')}</p>}
      <dl class="details">
        {rows.map(([term, value]) => <div key={term}><dt>{term}</dt><dd>{value}</dd></div>)}
      </dl>
      <div class="row wrap">
        <button type="button" onClick={onEdit} disabled={busy}>{i18n.t('manage.details.edit')}</button>
        {paused
          ? <button type="button" onClick={onResume} disabled={busy}>{i18n.t('manage.details.resume')}</button>
          : <button type="button" onClick={onPause} disabled={busy}>{i18n.t('manage.details.pause')}</button>}
        <button type="button" onClick={onRotate} disabled={busy}>{i18n.t('manage.details.rotate')}</button>
        <button type="button" class="danger-text" onClick={onRevoke} disabled={busy}>{i18n.t('manage.details.revoke')}</button>
      </div>
      <p class="hint">{i18n.t('manage.details.pause_hint')}</p>
    </section>
  );
}

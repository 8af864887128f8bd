import { useMemo, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { draftOf, errorsByField, patchOf, type DraftField, type SettingsDraft } from '../lib/settings/form';
import { addressesPinned, type BuildPolicy, type UrlField } from '../lib/settings/build-policy';
import { DEFAULT_SETTINGS, PRODUCTION_API_BASE_URL, PRODUCTION_RPC_URL, type Settings } from '../lib/settings/schema';
import { applySettingsPatch, type SettingsResult } from '../lib/settings/validate';
import { OptionsField } from './OptionsField';
import { OptionsNotifications, type NoticeSwitch } from './OptionsNotifications';
import { OptionsSandboxHelper } from './OptionsSandboxHelper';

export type PermissionAnswer = 'granted' | 'denied' | 'unavailable';

interface Props {
  initial: Settings;
  /** The build's policy: store builds show the pinned addresses read-only; the sandbox build offers the local sandbox. */
  policy: BuildPolicy;
  /** Stored addresses this build refused and read as the defaults (said at the top of the form). */
  refused: UrlField[];
  save: (patch: Record<string, unknown>) => Promise<SettingsResult>;
  /** Must be called straight from the click: browsers only grant permissions during a user gesture. */
  requestNotifications: () => Promise<PermissionAnswer>;
}

type Status = { kind: 'saved' | 'error' | 'busy'; text: string } | null;

const ORDER: DraftField[] = ['apiBaseUrl', 'rpcUrl', 'pollMinutes', 'badgeUnit', 'lowBalancePercent', 'lowBalanceAbsolute', 'autoLockMinutes', 'clipboardClearSeconds'];

/** Every setting with its reason when refused; nothing is stored until Save, and a refused value stays as typed. */
export function OptionsForm({ initial, policy, refused, save, requestNotifications }: Props) {
  const [saved, setSaved] = useState(initial);
  const [draft, setDraft] = useState<SettingsDraft>(() => draftOf(initial));
  const [touched, setTouched] = useState<Set<DraftField>>(new Set());
  const [showAll, setShowAll] = useState(false);
  const [serverErrors, setServerErrors] = useState<Partial<Record<DraftField | 'form', string>>>({});
  const [note, setNote] = useState<string | null>(null);
  const [status, setStatus] = useState<Status>(null);

  const live = useMemo(() => {
    const result = applySettingsPatch(saved, patchOf(draft), policy);
    return result.ok ? {} : errorsByField(result.errors);
  }, [saved, draft, policy]);
  const pinned = addressesPinned(policy);
  const errorOf = (f: DraftField) => serverErrors[f] ?? (showAll || touched.has(f) ? live[f] : undefined);

  const set = <K extends DraftField>(field: K, value: SettingsDraft[K]) => {
    setDraft((d) => ({ ...d, [field]: value }));
    setServerErrors(({ [field]: _gone, ...rest }) => rest);
    setStatus(null);
  };
  const touch = (field: DraftField) => setTouched((t) => new Set(t).add(field));
  const text = (field: DraftField, label: string, hint?: string, inputMode?: 'decimal' | 'numeric' | 'url', more?: { readOnly?: boolean }) => (
    <OptionsField
      id={field}
      label={label}
      hint={hint}
      inputMode={inputMode}
      type={inputMode === 'url' ? 'url' : 'text'}
      value={draft[field] as string}
      error={errorOf(field)}
      onInput={(v) => set(field, v)}
      onBlur={() => touch(field)}
      {...more}
    />
  );

  const toggle = (which: NoticeSwitch, on: boolean) => {
    const apply = (value: boolean) => {
      setDraft((d) => ({ ...d, notifications: { ...d.notifications, [which]: value } }));
      setStatus(null);
    };
    if (!on) return apply(false);
    const answer = requestNotifications(); // first statement: still inside the click
    void answer.then((a) => {
      setNote(a === 'granted' ? null : i18n.t(a === 'denied' ? 'options.notify_denied' : 'options.notify_unavailable'));
      apply(a === 'granted');
    });
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    setShowAll(true);
    const firstBad = ORDER.find((f) => live[f]);
    if (firstBad || live.notifications) {
      setStatus({ kind: 'error', text: i18n.t('options.has_errors') });
      if (firstBad) document.getElementById(firstBad)?.focus();
      return;
    }
    setStatus({ kind: 'busy', text: i18n.t('options.saving') });
    try {
      const result = await save(patchOf(draft));
      if (result.ok) {
        setSaved(result.settings);
        setDraft(draftOf(result.settings));
        setServerErrors({});
        setStatus({ kind: 'saved', text: i18n.t('options.saved') });
      } else {
        setServerErrors(errorsByField(result.errors));
        setStatus({ kind: 'error', text: i18n.t('options.has_errors') });
      }
    } catch {
      setStatus({ kind: 'error', text: i18n.t('options.save_failed') });
    }
  };

  return (
    <form class="stack" noValidate onSubmit={submit}>
      <section class="stack" aria-labelledby="sec-connection">
        <h2 id="sec-connection">{i18n.t('options.section.connection')}</h2>
        {refused.length > 0 && (
          <p class="error" role="alert" data-testid="address-refused">
            {i18n.t('options.address_refused', [refused.map((field) => i18n.t(field === 'apiBaseUrl' ? 'options.api_url' : 'options.rpc_url')).join(', ')])}
          </p>
        )}
        {text('apiBaseUrl', i18n.t('options.api_url'), i18n.t(pinned ? 'options.api_url_pinned' : 'options.api_url_hint'), 'url', { readOnly: pinned })}
        {text('rpcUrl', i18n.t('options.rpc_url'), i18n.t(pinned ? 'options.rpc_url_pinned' : 'options.rpc_url_hint'), 'url', { readOnly: pinned })}
        {!pinned && (
          <div class="row">
            <button type="button" onClick={() => { set('apiBaseUrl', PRODUCTION_API_BASE_URL); set('rpcUrl', PRODUCTION_RPC_URL); }}>
              {i18n.t('options.use_production')}
            </button>
          </div>
        )}
        {!pinned && (
          <OptionsSandboxHelper onApply={(api, rpc) => { set('apiBaseUrl', api); if (rpc) set('rpcUrl', rpc); }} />
        )}
      </section>
      <section class="stack" aria-labelledby="sec-badge">
        <h2 id="sec-badge">{i18n.t('options.section.badge')}</h2>
        {text('pollMinutes', i18n.t('options.poll_minutes'), i18n.t('options.poll_minutes_hint'), 'decimal')}
        <div class="field">
          <label for="badgeUnit">{i18n.t('options.badge_unit')}</label>
          <select id="badgeUnit" value={draft.badgeUnit} onChange={(e) => set('badgeUnit', e.currentTarget.value as SettingsDraft['badgeUnit'])}>
            <option value="auto">{i18n.t('options.unit_auto')}</option>
            <option value="USD">{i18n.t('options.unit_usd')}</option>
            <option value="DIEM">{i18n.t('options.unit_diem')}</option>
          </select>
        </div>
        {text('lowBalancePercent', i18n.t('options.low_percent'), i18n.t('options.low_percent_hint'), 'decimal')}
        {text('lowBalanceAbsolute', i18n.t('options.low_absolute'), i18n.t('options.low_absolute_hint'), 'decimal')}
      </section>
      <section class="stack" aria-labelledby="sec-security">
        <h2 id="sec-security">{i18n.t('options.section.security')}</h2>
        {text('autoLockMinutes', i18n.t('options.auto_lock'), i18n.t('options.auto_lock_hint'), 'numeric')}
        {text('clipboardClearSeconds', i18n.t('options.clipboard'), i18n.t('options.clipboard_hint'), 'numeric')}
      </section>
      <OptionsNotifications value={draft.notifications} onToggle={toggle} note={note ?? serverErrors.notifications ?? null} />
      {serverErrors.form && <p class="error">{serverErrors.form}</p>}
      <div class="row wrap">
        <button type="submit" class="primary" disabled={status?.kind === 'busy'}>
          {i18n.t('options.save')}
        </button>
        <button type="button" aria-describedby="defaults-hint" onClick={() => { setDraft(draftOf({ ...DEFAULT_SETTINGS, activeKeyId: saved.activeKeyId })); setStatus(null); }}>
          {i18n.t('options.defaults')}
        </button>
        <span id="defaults-hint" class="hint">{i18n.t('options.defaults_hint')}</span>
      </div>
      <p role="status" aria-live="polite" class={status?.kind === 'error' ? 'error' : 'hint'}>
        {status?.text ?? ''}
      </p>
    </form>
  );
}

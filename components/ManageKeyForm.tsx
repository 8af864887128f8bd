import { useSignal } from '@preact/signals';
import { i18n } from '#i18n';
import { checkForm, hasProblems, type FormField, type FormProblems, type KeyForm, type Trap } from '../lib/manage/form';

interface Props {
  mode: 'create' | 'edit';
  initial: KeyForm;
  today: string;
  busy: boolean;
  /** Traps of the edit about to be saved (edit only): shown, then confirmed before saving. */
  trapsFor?: (form: KeyForm) => Trap[];
  onSubmit: (form: KeyForm) => void;
  onCancel: () => void;
}

const PERIODS = ['EPOCH', 'MONTH', 'LIFETIME'] as const;
const PRIVACY = ['ALL', 'PRIVATE_TEXT', 'PRIVATE_ONLY'] as const;

/** Create or edit a key: every documented option, checked before anything is posted, with reasons. */
export function ManageKeyForm({ mode, initial, today, busy, trapsFor, onSubmit, onCancel }: Props) {
  const form = useSignal<KeyForm>(initial);
  const problems = useSignal<FormProblems>({});
  const traps = useSignal<Trap[]>([]);
  const set = (field: keyof KeyForm) => (e: Event) => {
    form.value = { ...form.value, [field]: (e.currentTarget as HTMLInputElement).value };
    traps.value = [];
  };
  const submit = (e: Event) => {
    e.preventDefault();
    problems.value = checkForm(form.value, today);
    if (hasProblems(problems.value)) {
      (document.getElementById(`key-${Object.keys(problems.value)[0]}`) as HTMLElement | null)?.focus();
      return;
    }
    const found = trapsFor?.(form.value) ?? [];
    if (found.length > 0 && traps.value.length === 0) {
      traps.value = found;
      return;
    }
    onSubmit(form.value);
  };
  const field = (name: FormField, label: string, hint: string, type = 'text') => {
    const reason = problems.value[name];
    return (
      <div class="field">
        <label for={`key-${name}`}>{label}</label>
        <input id={`key-${name}`} type={type} value={form.value[name]} onInput={set(name)} aria-invalid={reason ? 'true' : undefined}
          aria-describedby={`key-${name}-hint${reason ? ` key-${name}-error` : ''}`} inputMode={name === 'usd' || name === 'diem' ? 'decimal' : undefined} />
        <p id={`key-${name}-hint`} class="hint">{hint}</p>
        {reason && <p id={`key-${name}-error`} class="error">{i18n.t(`manage.form.reason.${reason}`)}</p>}
      </div>
    );
  };
  const title = mode === 'create' ? i18n.t('manage.form.create_title') : i18n.t('manage.form.edit_title');
  return (
    <form class="stack panel" onSubmit={submit} aria-labelledby="key-form-title" noValidate data-testid={`key-form-${mode}`}>
      <h2 id="key-form-title">{title}</h2>
      {mode === 'create' && (
        <div class="field">
          <label for="key-type">{i18n.t('manage.form.type')}</label>
          <select id="key-type" value={form.value.apiKeyType} onChange={set('apiKeyType')} aria-describedby="key-type-hint">
            <option value="INFERENCE">{i18n.t('vault.keys.type_inference')}</option>
            <option value="ADMIN">{i18n.t('vault.keys.type_admin')}</option>
          </select>
          <p id="key-type-hint" class="hint">{i18n.t('manage.form.type_hint')}</p>
        </div>
      )}
      {field('description', i18n.t('manage.form.description'), i18n.t('manage.form.description_hint'))}
      {field('expiresAt', i18n.t('manage.form.expires'), i18n.t('manage.form.expires_hint'), 'date')}
      <div class="row wrap">
        {field('usd', i18n.t('manage.form.usd'), i18n.t('manage.form.cap_hint'))}
        {field('diem', i18n.t('manage.form.diem'), i18n.t('manage.form.cap_hint'))}
      </div>
      <div class="row wrap">
        <div class="field">
          <label for="key-period">{i18n.t('manage.form.period')}</label>
          <select id="key-period" value={form.value.limitPeriod} onChange={set('limitPeriod')}>
            {PERIODS.map((p) => <option key={p} value={p}>{i18n.t(`manage.period.${p}`)}</option>)}
          </select>
        </div>
        <div class="field">
          <label for="key-privacy">{i18n.t('manage.form.privacy')}</label>
          <select id="key-privacy" value={form.value.modelPrivacy} onChange={set('modelPrivacy')}>
            {PRIVACY.map((p) => <option key={p} value={p}>{i18n.t(`manage.privacy.${p}`)}</option>)}
          </select>
        </div>
      </div>
      <p class="hint">{i18n.t('manage.form.usd_zero_note')}</p>
      {traps.value.length > 0 && (
        <div class="warning" role="alert" data-testid="edit-traps">
          <p>{i18n.t('manage.form.traps_title')}</p>
          <ul>{traps.value.map((t) => <li key={t}>{i18n.t(`manage.trap.${t}`)}</li>)}</ul>
        </div>
      )}
      <div class="row">
        <button type="submit" class="primary" disabled={busy}>
          {busy ? i18n.t('vault.working') : traps.value.length > 0 ? i18n.t('manage.form.save_anyway') : mode === 'create' ? i18n.t('manage.form.create') : i18n.t('manage.form.save')}
        </button>
        <button type="button" onClick={onCancel}>{i18n.t('vault.keys.cancel')}</button>
      </div>
    </form>
  );
}

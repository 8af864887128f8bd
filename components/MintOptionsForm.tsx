import { useSignal } from '@preact/signals';
import type { JSX } from 'preact';
import { i18n } from '#i18n';
import { checkForm, initialForm, type FormField, type FormProblem, type OptionsForm } from '../lib/mint/form';
import type { MintOptions } from '../lib/mint/options';

interface Props {
  onMint: (options: MintOptions) => void;
  /** Options chosen earlier in this flow (kept across a retry). */
  initial?: MintOptions;
  /** A click is on its way or a step is in progress: the button is disabled. */
  busy: boolean;
  /** The wallet cannot mint (no staked VVV): the button is disabled. */
  blocked: boolean;
  now: () => number;
}

const PROBLEM_TEXT: Record<FormProblem, () => string> = {
  description: () => i18n.t('mint.options.error_description'),
  expires_past: () => i18n.t('mint.options.error_expires_past'),
  amount: () => i18n.t('mint.options.error_amount'),
  generic: () => i18n.t('mint.options.error_generic'),
};

/** The key's options and the Mint button. Checked here and again by the background. */
export function MintOptionsForm({ onMint, initial, busy, blocked, now }: Props) {
  const form = useSignal<OptionsForm>(initialForm(now(), initial));
  const problems = useSignal<Partial<Record<FormField, FormProblem>>>({});
  const f = form.value;
  const set = (patch: Partial<OptionsForm>) => {
    form.value = { ...form.value, ...patch };
  };
  const text = (key: 'description' | 'expires' | 'usd' | 'diem') => (e: JSX.TargetedEvent<HTMLInputElement>) =>
    set({ [key]: e.currentTarget.value });
  const problem = (field: FormField) => {
    const p = problems.value[field];
    return p ? <p id={`mint-${field}-error`} class="error" role="alert">{PROBLEM_TEXT[p]()}</p> : null;
  };
  const invalid = (field: FormField) => (problems.value[field] ? { 'aria-invalid': true, 'aria-describedby': `mint-${field}-error` } : {});

  const submit = (e: Event) => {
    e.preventDefault();
    if (busy || blocked) return;
    const result = checkForm(form.value, now());
    if (!result.ok) {
      problems.value = result.problems;
      return;
    }
    problems.value = {};
    onMint(result.options);
  };

  return (
    <form class="stack mint-options" onSubmit={submit} aria-label={i18n.t('mint.options.legend')} noValidate>
      <fieldset>
        <legend>{i18n.t('mint.options.type')}</legend>
        <label class="choice">
          <input type="radio" name="mint-type" value="INFERENCE" checked={f.apiKeyType === 'INFERENCE'} onChange={() => set({ apiKeyType: 'INFERENCE' })} />
          {i18n.t('mint.options.type_inference')}
        </label>
        <label class="choice">
          <input type="radio" name="mint-type" value="ADMIN" checked={f.apiKeyType === 'ADMIN'} onChange={() => set({ apiKeyType: 'ADMIN' })} />
          {i18n.t('mint.options.type_admin')}
        </label>
        {f.apiKeyType === 'ADMIN' && (
          <p class="warning" role="note" data-testid="admin-warning">{i18n.t('mint.options.admin_warning')}</p>
        )}
      </fieldset>

      <div class="field">
        <label for="mint-description">{i18n.t('mint.options.description')}</label>
        <input id="mint-description" type="text" maxLength={64} value={f.description} onInput={text('description')} {...invalid('description')} />
        <p class="hint">{i18n.t('mint.options.description_hint')}</p>
        {problem('description')}
      </div>

      <details open={(['expires', 'usd', 'diem'] as const).some((k) => problems.value[k]) || undefined}>
        <summary>{i18n.t('mint.options.more')}</summary>
        <div class="stack">
          <div class="field">
            <label for="mint-expires">{i18n.t('mint.options.expires')}</label>
            <input id="mint-expires" type="date" value={f.expires} onInput={text('expires')} {...invalid('expires')} />
            <p class="hint">{i18n.t('mint.options.expires_hint')}</p>
            {problem('expires')}
          </div>
          <div class="field">
            <label for="mint-usd">{i18n.t('mint.options.usd_cap')}</label>
            <input id="mint-usd" type="number" min={0} step="any" inputMode="decimal" value={f.usd} onInput={text('usd')} {...invalid('usd')} />
            {problem('usd')}
          </div>
          <div class="field">
            <label for="mint-diem">{i18n.t('mint.options.diem_cap')}</label>
            <input id="mint-diem" type="number" min={0} step="any" inputMode="decimal" value={f.diem} onInput={text('diem')} {...invalid('diem')} />
            <p class="hint">{i18n.t('mint.options.cap_hint')}</p>
            {problem('diem')}
          </div>
          <div class="field">
            <label for="mint-period">{i18n.t('mint.options.period')}</label>
            <select id="mint-period" value={f.limitPeriod} onChange={(e) => set({ limitPeriod: e.currentTarget.value as OptionsForm['limitPeriod'] })}>
              <option value="EPOCH">{i18n.t('mint.options.period_epoch')}</option>
              <option value="MONTH">{i18n.t('mint.options.period_month')}</option>
              <option value="LIFETIME">{i18n.t('mint.options.period_lifetime')}</option>
            </select>
          </div>
          <div class="field">
            <label for="mint-privacy">{i18n.t('mint.options.privacy')}</label>
            <select id="mint-privacy" value={f.modelPrivacy} onChange={(e) => set({ modelPrivacy: e.currentTarget.value as OptionsForm['modelPrivacy'] })}>
              <option value="ALL">{i18n.t('mint.options.privacy_all')}</option>
              <option value="PRIVATE_TEXT">{i18n.t('mint.options.privacy_private_text')}</option>
              <option value="PRIVATE_ONLY">{i18n.t('mint.options.privacy_private_only')}</option>
            </select>
          </div>
        </div>
      </details>
      {problem('form')}
      <button type="submit" class="primary" disabled={busy || blocked} data-testid="mint-button">
        {busy ? i18n.t('mint.working') : i18n.t('mint.mint')}
      </button>
    </form>
  );
}

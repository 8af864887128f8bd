import type { Signal } from '@preact/signals';
import { useSignal } from '@preact/signals';
import { i18n } from '#i18n';

interface Props {
  id: string;
  label: string;
  value: Signal<string>;
  autoFocus?: boolean;
  autoComplete?: 'new-password' | 'current-password';
  /** id of the text that explains a problem with this field. */
  describedBy?: string;
  invalid?: boolean;
}

/** A labelled passphrase input with a show/hide toggle. */
export function PassphraseField({ id, label, value, autoFocus, autoComplete = 'current-password', describedBy, invalid }: Props) {
  const shown = useSignal(false);
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <div class="field-row">
        <input
          id={id}
          type={shown.value ? 'text' : 'password'}
          value={value.value}
          onInput={(e) => { value.value = e.currentTarget.value; }}
          autoFocus={autoFocus}
          autoComplete={autoComplete}
          spellcheck={false}
          aria-describedby={describedBy}
          aria-invalid={invalid ? 'true' : undefined}
          maxLength={1024}
        />
        <button
          type="button"
          class="icon"
          aria-pressed={shown.value}
          aria-controls={id}
          title={i18n.t('vault.show_passphrase')}
          onClick={() => { shown.value = !shown.value; }}
        >
          <span aria-hidden="true">{shown.value ? '◉' : '◎'}</span>
          <span class="visually-hidden">{i18n.t('vault.show_passphrase')}</span>
        </button>
      </div>
    </div>
  );
}

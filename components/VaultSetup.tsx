import { useSignal } from '@preact/signals';
import { i18n } from '#i18n';
import { checkPassphrase, type PassphraseProblem } from '../lib/vault/passphrase-policy';
import type { VaultApi } from './vault-api';
import { PassphraseField } from './PassphraseField';
import { useAction } from './use-action';
import { VaultError } from './VaultError';

const PROBLEM_TEXT: Record<PassphraseProblem, () => string> = {
  'too-short': () => i18n.t('vault.setup.problem.too_short'),
  'too-long': () => i18n.t('vault.setup.problem.too_long'),
  common: () => i18n.t('vault.setup.problem.common'),
  repeated: () => i18n.t('vault.setup.problem.repeated'),
  sequence: () => i18n.t('vault.setup.problem.sequence'),
  'too-few-different': () => i18n.t('vault.setup.problem.too_few_different'),
};
export const problemText = (problem: PassphraseProblem): string => PROBLEM_TEXT[problem]();

interface Props {
  api: Pick<VaultApi, 'setup'>;
  onDone: () => void | Promise<void>;
  /** The onboarding tab words it as a step of its own (welcome.html): its heading, intro and button. */
  words?: { title: string; intro: string; submit: string };
  /** The onboarding tab's heading is the page's h1: the form's is then an h2. */
  heading?: 'h1' | 'h2';
}

/** First screen: choose the vault passphrase (typed twice), checked as the person types. */
export function VaultSetup({ api, onDone, words, heading: Heading = 'h1' }: Props) {
  const passphrase = useSignal('');
  const confirm = useSignal('');
  const submitted = useSignal(false);
  const action = useAction();
  const problem = passphrase.value ? checkPassphrase(passphrase.value) : 'too-short';
  const mismatch = confirm.value !== '' && confirm.value !== passphrase.value;
  const showProblem = problem && (submitted.value || passphrase.value.length >= 12);

  const submit = (e: Event) => {
    e.preventDefault();
    submitted.value = true;
    if (problem || passphrase.value !== confirm.value) return;
    void action.run(async () => {
      await api.setup(passphrase.value, confirm.value);
      await onDone();
    });
  };

  return (
    <form onSubmit={submit} class="stack" noValidate aria-labelledby="setup-title">
      <Heading id="setup-title">{words?.title ?? i18n.t('vault.setup.title')}</Heading>
      <p>{words?.intro ?? i18n.t('vault.setup.intro')}</p>
      <PassphraseField id="setup-pass" label={i18n.t('vault.setup.passphrase')} value={passphrase} autoFocus
        autoComplete="new-password" describedBy="setup-pass-help" invalid={!!showProblem} />
      <p id="setup-pass-help" class={showProblem ? 'error' : 'hint'} role={showProblem ? 'alert' : undefined}>
        {showProblem ? problemText(problem) : i18n.t('vault.setup.hint')}
      </p>
      <PassphraseField id="setup-confirm" label={i18n.t('vault.setup.confirm')} value={confirm}
        autoComplete="new-password" describedBy="setup-confirm-help" invalid={mismatch} />
      {(mismatch || (submitted.value && confirm.value !== passphrase.value)) && (
        <p id="setup-confirm-help" class="error" role="alert">{i18n.t('vault.setup.mismatch')}</p>
      )}
      <VaultError error={action.error.value} />
      <button type="submit" class="primary" disabled={action.busy.value}>
        {action.busy.value ? i18n.t('vault.working') : words?.submit ?? i18n.t('vault.setup.submit')}
      </button>
    </form>
  );
}

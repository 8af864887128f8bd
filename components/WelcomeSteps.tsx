import { i18n } from '#i18n';

export const WELCOME_STEPS = ['connect', 'check', 'passphrase', 'sign', 'key'] as const;
export type WelcomeStep = (typeof WELCOME_STEPS)[number];

const LABEL: Record<WelcomeStep, () => string> = {
  connect: () => i18n.t('welcome.step.connect'),
  check: () => i18n.t('welcome.step.check'),
  passphrase: () => i18n.t('welcome.step.passphrase'),
  sign: () => i18n.t('welcome.step.sign'),
  key: () => i18n.t('welcome.step.key'),
};

/** The onboarding's five steps, the current one marked (aria-current), the done ones ticked. */
export function WelcomeSteps({ current }: { current: WelcomeStep }) {
  const at = WELCOME_STEPS.indexOf(current);
  return (
    <ol class="steps" aria-label={i18n.t('welcome.steps_label')} data-testid="welcome-steps" data-current={current}>
      {WELCOME_STEPS.map((step, index) => (
        <li key={step} class={index < at ? 'done' : index === at ? 'current' : undefined} aria-current={index === at ? 'step' : undefined}>
          <span class="step-mark" aria-hidden="true">{index < at ? '✓' : index + 1}</span>
          {LABEL[step]()}
        </li>
      ))}
    </ol>
  );
}

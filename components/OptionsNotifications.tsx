import { i18n } from '#i18n';
import type { NotificationSettings } from '../lib/settings/schema';

export type NoticeSwitch = keyof NotificationSettings;

interface Props {
  value: NotificationSettings;
  onToggle: (which: NoticeSwitch, on: boolean) => void;
  /** Why a switch could not be turned on (permission refused, not available). */
  note?: string | null;
}

const SWITCHES: [NoticeSwitch, () => string][] = [
  ['blocked', () => i18n.t('options.notify_blocked')],
  ['lowBalance', () => i18n.t('options.notify_low')],
  ['expiring', () => i18n.t('options.notify_expiring')],
];

/** The three opt-in notification switches. */
export function OptionsNotifications({ value, onToggle, note }: Props) {
  return (
    <fieldset>
      <legend>{i18n.t('options.section.notifications')}</legend>
      <p class="hint" id="notify-intro">
        {i18n.t('options.notify_intro')}
      </p>
      {SWITCHES.map(([which, label]) => (
        <div class="check" key={which}>
          <input
            id={`notify-${which}`}
            type="checkbox"
            checked={value[which]}
            aria-describedby={note ? 'notify-note' : 'notify-intro'}
            onChange={(e) => onToggle(which, e.currentTarget.checked)}
          />
          <label for={`notify-${which}`}>{label()}</label>
        </div>
      ))}
      {note && (
        <p id="notify-note" class="error" role="alert">
          {note}
        </p>
      )}
    </fieldset>
  );
}

import type { ComponentChildren } from 'preact';
import { i18n } from '#i18n';

/** A saved key as the switcher names it (no secret). */
export interface SwitchableKey {
  id: string;
  description: string;
  last6: string;
}

const keyName = (key: Pick<SwitchableKey, 'description'>) => key.description.trim() || i18n.t('home.key.unnamed');

export function keyLabel(key: Pick<SwitchableKey, 'description' | 'last6'>): string {
  return key.last6 ? i18n.t('home.key.option', [keyName(key), key.last6]) : keyName(key);
}

export interface KeySwitcherProps {
  keys: SwitchableKey[];
  /** The key shown now (the poller's active key). */
  active: SwitchableKey;
  busy?: boolean;
  onSwitch: (id: string) => void;
  /** Shown at the end of the label's row (the status chip). */
  chip?: ComponentChildren;
}

/** The active key's name; with several saved keys, a list to choose which one the popup and badge follow. */
export function KeySwitcher({ keys, active, busy = false, onSwitch, chip }: KeySwitcherProps) {
  if (keys.length < 2) {
    return (
      <div class="key-current">
        <div class="key-label-row"><span class="meta-label">{i18n.t('home.key.label')}</span>{chip}</div>
        <p class="key-title" data-testid="active-key">
          {keyName(active)}
          {/* One line: the last six may hold a hyphen, where a line would otherwise break. */}
          {active.last6 && <> <span class="key-tail">{i18n.t('home.key.tail', [active.last6])}</span></>}
        </p>
      </div>
    );
  }
  return (
    <div class="key-current field">
      <div class="key-label-row"><label for="key-switch" class="meta-label">{i18n.t('home.key.switch')}</label>{chip}</div>
      <select
        id="key-switch"
        value={active.id}
        disabled={busy}
        data-testid="key-switch"
        onChange={(e) => {
          const id = (e.target as HTMLSelectElement).value;
          if (id !== active.id) onSwitch(id);
        }}
      >
        {keys.map((k) => (
          <option key={k.id} value={k.id}>{keyLabel(k)}</option>
        ))}
      </select>
    </div>
  );
}

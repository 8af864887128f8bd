import type { Handlers } from '../messaging/handle';
import type { SettingsContracts } from '../messaging/settings';
import type { Settings } from './schema';
import type { SettingsResult } from './validate';

export interface SettingsService {
  read(): Promise<Settings>;
  update(patch: unknown): Promise<SettingsResult>;
}

/** The background's answers to settings.get / settings.set. `onChanged` runs after a stored change. */
export function settingsHandlers(
  service: SettingsService,
  onChanged?: (settings: Settings) => Promise<void> | void,
): Handlers<SettingsContracts> {
  return {
    'settings.get': () => service.read(),
    'settings.set': async ({ patch }) => {
      const result = await service.update(patch);
      if (result.ok) await onChanged?.(result.settings);
      return result;
    },
  };
}

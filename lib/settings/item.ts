import { storage } from 'wxt/utils/storage';
import { DEFAULT_SETTINGS, type Settings } from './schema';
import { applySettingsPatch, parseStoredSettings, type SettingsResult } from './validate';

/** The one stored copy of the settings (storage.local, versioned for later migrations). */
export const settingsItem = storage.defineItem<Settings>('local:settings', {
  fallback: DEFAULT_SETTINGS,
  version: 1,
});

/** Reads the settings, checked with zod; damaged fields fall back to their defaults. */
export async function readSettings(): Promise<Settings> {
  return parseStoredSettings(await settingsItem.getValue());
}

/** Checks a partial change and stores it only when every field is valid. */
export async function updateSettings(patch: unknown): Promise<SettingsResult> {
  const result = applySettingsPatch(await readSettings(), patch);
  if (result.ok) await settingsItem.setValue(result.settings);
  return result;
}

/** Calls `listener` with the checked settings whenever they change in storage. */
export function watchSettings(listener: (settings: Settings) => void): () => void {
  return settingsItem.watch((value) => listener(parseStoredSettings(value)));
}

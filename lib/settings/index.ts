export {
  AUTO_LOCK_MAX_MINUTES,
  BADGE_UNITS,
  CLIPBOARD_MAX_SECONDS,
  DEFAULT_SETTINGS,
  NotificationSettingsSchema,
  POLL_FLOOR_MINUTES,
  POLL_MAX_MINUTES,
  PRODUCTION_API_BASE_URL,
  PRODUCTION_RPC_URL,
  SettingsSchema,
  normalizeUrl,
  sandboxApiBaseUrl,
  urlProblem,
} from './schema';
export type { BadgeUnit, NotificationSettings, Settings } from './schema';
export { applySettingsPatch, parseStoredSettings } from './validate';
export type { FieldError, SettingsResult } from './validate';
export { signingOriginFor } from './origin';
export { readSettings, settingsItem, updateSettings, watchSettings } from './item';
export { settingsHandlers } from './handlers';
export type { SettingsService } from './handlers';
export { draftOf, errorsByField, parsePort, patchOf } from './form';
export type { DraftField, SettingsDraft } from './form';

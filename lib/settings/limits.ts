/**
 * The settings' bounds and the defaults of the fields the popup's first paint reads, without zod
 * (schema.ts builds the schema from them; stored-timings.ts reads them for the popup).
 */

/** Chrome does not fire alarms more often than every 30 seconds; polling never goes below. */
export const POLL_FLOOR_MINUTES = 0.5;
export const POLL_MAX_MINUTES = 24 * 60;
export const AUTO_LOCK_MAX_MINUTES = 7 * 24 * 60;
export const CLIPBOARD_MAX_SECONDS = 600;

/** DEFAULT_SETTINGS' values of these fields (schema.ts's DEFAULT_SETTINGS takes them from here). */
export const DEFAULT_POLL_MINUTES = 5;
export const DEFAULT_AUTO_LOCK_MINUTES = 15;
export const DEFAULT_CLIPBOARD_CLEAR_SECONDS = 30;

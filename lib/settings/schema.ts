/**
 * The settings of the extension: one zod schema that gives the defaults, checks a
 * stored value on read and explains, field by field, why a new value is refused.
 */
import * as z from 'zod/mini';
import { normalizeUrl, PRODUCTION_API_BASE_URL, PRODUCTION_RPC_URL, SANDBOX_BUILD, STORE_BUILD, urlProblem, type BuildPolicy, type UrlField } from './build-policy';

export { PRODUCTION_API_BASE_URL, PRODUCTION_RPC_URL } from './build-policy';

import {
  AUTO_LOCK_MAX_MINUTES,
  CLIPBOARD_MAX_SECONDS,
  DEFAULT_AUTO_LOCK_MINUTES,
  DEFAULT_CLIPBOARD_CLEAR_SECONDS,
  DEFAULT_POLL_MINUTES,
  POLL_FLOOR_MINUTES,
  POLL_MAX_MINUTES,
} from './limits';

export { CLIPBOARD_MAX_SECONDS } from './limits';

export const BADGE_UNITS = ['USD', 'DIEM', 'auto'] as const;
export type BadgeUnit = (typeof BADGE_UNITS)[number];

const endpoint = (field: UrlField, policy: BuildPolicy) =>
  z.pipe(
    z.string().check(
      z.trim(),
      z.minLength(1, 'Enter an address'),
      z.maxLength(2048, 'This address is too long'),
      z.superRefine((value, ctx) => {
        const problem = urlProblem(field, value, policy);
        if (problem) ctx.addIssue({ code: 'custom', message: problem });
      }),
    ),
    z.transform(normalizeUrl),
  );

const number = (what: string) => z.number({ error: `Enter a number for the ${what}` });

export const NotificationSettingsSchema = z.strictObject({
  blocked: z.boolean({ error: 'Choose on or off' }),
  lowBalance: z.boolean({ error: 'Choose on or off' }),
  expiring: z.boolean({ error: 'Choose on or off' }),
});

const buildSettingsSchema = (policy: BuildPolicy) =>
  z.strictObject({
    apiBaseUrl: endpoint('apiBaseUrl', policy),
    rpcUrl: endpoint('rpcUrl', policy),
    pollMinutes: number('polling period').check(
      z.gte(POLL_FLOOR_MINUTES, 'Poll at most every 30 seconds (0.5 minutes): browsers do not wake extensions more often'),
      z.lte(POLL_MAX_MINUTES, 'Poll at least once a day (1440 minutes)'),
    ),
    badgeUnit: z.enum(BADGE_UNITS, { error: 'Choose USD, DIEM or automatic' }),
    lowBalanceRatio: number('share of the cap').check(
      z.gte(0, 'Use a share between 0 and 1 (0.1 = 10 %)'),
      z.lte(1, 'Use a share between 0 and 1 (0.1 = 10 %)'),
    ),
    lowBalanceAbsolute: number('amount').check(z.gte(0, 'Use 0 or more'), z.lte(1e10, 'This amount is too large')),
    autoLockMinutes: number('lock delay').check(
      z.int('Use whole minutes'),
      z.gte(0, 'Use 0 (lock only when the browser restarts) or more minutes'),
      z.lte(AUTO_LOCK_MAX_MINUTES, 'Lock at least once a week (10080 minutes)'),
    ),
    clipboardClearSeconds: number('clipboard delay').check(
      z.int('Use whole seconds'),
      z.gte(0, 'Use 0 (never clear) or more seconds'),
      z.lte(CLIPBOARD_MAX_SECONDS, 'Clear the clipboard within 10 minutes (600 seconds)'),
    ),
    notifications: NotificationSettingsSchema,
    activeKeyId: z.nullable(z.string().check(z.minLength(1), z.maxLength(128))),
  });

const STORE_BUILD_SCHEMA = buildSettingsSchema(STORE_BUILD);
const SANDBOX_BUILD_SCHEMA = buildSettingsSchema(SANDBOX_BUILD);

/** The settings' schema for a build: store builds accept only the pinned addresses, the sandbox build also http://127.0.0.1. */
export const settingsSchema = (policy: BuildPolicy) => (policy.build === 'sandbox' ? SANDBOX_BUILD_SCHEMA : STORE_BUILD_SCHEMA);

/**
 * The settings' shape, for the messages between the background and its pages: the pages
 * take the settings the background checked (with its build's policy), so this accepts
 * what either build may store.
 */
export const SettingsShapeSchema = SANDBOX_BUILD_SCHEMA;

export type Settings = z.output<typeof STORE_BUILD_SCHEMA>;
export type NotificationSettings = Settings['notifications'];

export const DEFAULT_SETTINGS: Settings = Object.freeze({
  apiBaseUrl: PRODUCTION_API_BASE_URL,
  rpcUrl: PRODUCTION_RPC_URL,
  pollMinutes: DEFAULT_POLL_MINUTES,
  badgeUnit: 'auto',
  lowBalanceRatio: 0.1,
  lowBalanceAbsolute: 1,
  autoLockMinutes: DEFAULT_AUTO_LOCK_MINUTES,
  clipboardClearSeconds: DEFAULT_CLIPBOARD_CLEAR_SECONDS,
  notifications: Object.freeze({ blocked: false, lowBalance: false, expiring: false }),
  activeKeyId: null,
}) as Settings;

/** The sandbox API's base URL for a port of 127.0.0.1. */
export function sandboxApiBaseUrl(port: number): string {
  return `http://127.0.0.1:${port}/api/v1`;
}

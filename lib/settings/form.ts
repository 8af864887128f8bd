/**
 * The options page's form as text fields, and back: what a person types is kept
 * as typed (so a bad value is never lost), turned into a settings change only to
 * check or save it. The low-balance share is shown as a percentage.
 */
import type { BadgeUnit, NotificationSettings, Settings } from './schema';
import type { FieldError } from './validate';

export interface SettingsDraft {
  apiBaseUrl: string;
  rpcUrl: string;
  pollMinutes: string;
  badgeUnit: BadgeUnit;
  lowBalancePercent: string;
  lowBalanceAbsolute: string;
  autoLockMinutes: string;
  clipboardClearSeconds: string;
  notifications: NotificationSettings;
}

export type DraftField = keyof SettingsDraft;

const toNumber = (text: string): number => (text.trim() === '' ? Number.NaN : Number(text.trim().replace(',', '.')));
const percentText = (ratio: number): string => String(Math.round(ratio * 10_000) / 100);

export function draftOf(settings: Settings): SettingsDraft {
  return {
    apiBaseUrl: settings.apiBaseUrl,
    rpcUrl: settings.rpcUrl,
    pollMinutes: String(settings.pollMinutes),
    badgeUnit: settings.badgeUnit,
    lowBalancePercent: percentText(settings.lowBalanceRatio),
    lowBalanceAbsolute: String(settings.lowBalanceAbsolute),
    autoLockMinutes: String(settings.autoLockMinutes),
    clipboardClearSeconds: String(settings.clipboardClearSeconds),
    notifications: { ...settings.notifications },
  };
}

/** The settings change a draft stands for (activeKeyId is not on this form and is left alone). */
export function patchOf(draft: SettingsDraft): Partial<Record<keyof Settings, unknown>> {
  const percent = toNumber(draft.lowBalancePercent);
  return {
    apiBaseUrl: draft.apiBaseUrl,
    rpcUrl: draft.rpcUrl,
    pollMinutes: toNumber(draft.pollMinutes),
    badgeUnit: draft.badgeUnit,
    lowBalanceRatio: Number.isNaN(percent) ? percent : percent / 100,
    lowBalanceAbsolute: toNumber(draft.lowBalanceAbsolute),
    autoLockMinutes: toNumber(draft.autoLockMinutes),
    clipboardClearSeconds: toNumber(draft.clipboardClearSeconds),
    notifications: { ...draft.notifications },
  };
}

/** Reasons keyed by form field; the share's reasons are said in percent. */
export function errorsByField(errors: FieldError[]): Partial<Record<DraftField | 'form', string>> {
  const out: Partial<Record<DraftField | 'form', string>> = {};
  for (const { field, reason } of errors) {
    const top = field.split('.')[0] ?? field;
    if (top === 'lowBalanceRatio') out.lowBalancePercent ??= 'Use a percentage between 0 and 100';
    else if (top === 'notifications') out.notifications ??= reason;
    else if (top in EMPTY_KEYS) out[top as DraftField] ??= reason;
    else out.form ??= `${field}: ${reason}`;
  }
  return out;
}

const EMPTY_KEYS: Record<DraftField, true> = {
  apiBaseUrl: true,
  rpcUrl: true,
  pollMinutes: true,
  badgeUnit: true,
  lowBalancePercent: true,
  lowBalanceAbsolute: true,
  autoLockMinutes: true,
  clipboardClearSeconds: true,
  notifications: true,
};

/** A TCP port for the sandbox helper, or null. */
export function parsePort(text: string): number | null {
  const port = Number(text.trim());
  return /^\d{1,5}$/.test(text.trim()) && port >= 1 && port <= 65_535 ? port : null;
}

import type * as core from 'zod/v4/core';
import { urlProblem, type BuildPolicy, type UrlField } from './build-policy';
import { DEFAULT_SETTINGS, settingsSchema, type Settings } from './schema';

/** One refused setting and the reason, in words a person can act on. */
export interface FieldError {
  field: string;
  reason: string;
}

export type SettingsResult = { ok: true; settings: Settings } | { ok: false; errors: FieldError[] };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function toFieldErrors(error: core.$ZodError): FieldError[] {
  const errors: FieldError[] = [];
  for (const issue of error.issues) {
    const base = issue.path.map(String).join('.');
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) errors.push({ field: base ? `${base}.${key}` : key, reason: 'There is no such setting' });
    } else {
      errors.push({ field: base || '(settings)', reason: issue.message });
    }
  }
  return errors;
}

/**
 * Applies a partial change to the current settings and checks the result. Nothing
 * is half-applied: either every field is valid and the new settings come back, or
 * the reasons for each refused field do. `policy` is the build's (see BuildPolicy).
 */
export function applySettingsPatch(current: Settings, patch: unknown, policy: BuildPolicy): SettingsResult {
  if (!isRecord(patch)) return { ok: false, errors: [{ field: '(settings)', reason: 'The change was not a list of settings' }] };
  const merged: Record<string, unknown> = { ...current, ...patch };
  if (isRecord(patch.notifications)) merged.notifications = { ...current.notifications, ...patch.notifications };
  const parsed = settingsSchema(policy).safeParse(merged);
  return parsed.success ? { ok: true, settings: parsed.data } : { ok: false, errors: toFieldErrors(parsed.error) };
}

/**
 * Reads a stored value field by field: a damaged or missing field falls back to its
 * default while every valid field is kept, so one bad value loses nothing else. An
 * address the build refuses (`policy`) counts as damaged.
 */
export function parseStoredSettings(raw: unknown, policy: BuildPolicy): Settings {
  const schema = settingsSchema(policy);
  const whole = schema.safeParse(raw);
  if (whole.success) return whole.data;
  const stored = isRecord(raw) ? raw : {};
  const out: Record<string, unknown> = {};
  const shape = schema.shape;
  for (const key of Object.keys(shape) as (keyof Settings)[]) {
    const field = shape[key].safeParse(stored[key]);
    out[key] = field.success ? field.data : DEFAULT_SETTINGS[key];
  }
  const notifications = shape.notifications.safeParse(stored.notifications);
  if (!notifications.success && isRecord(stored.notifications)) {
    const partial = stored.notifications;
    out.notifications = Object.fromEntries(
      Object.entries(DEFAULT_SETTINGS.notifications).map(([k, v]) => [k, typeof partial[k] === 'boolean' ? partial[k] : v]),
    );
  }
  return schema.parse(out);
}

/**
 * The stored addresses this build refuses (an address of another build, or one written
 * into storage by something else): they are read as the defaults, and the pages say so.
 */
export function refusedAddresses(raw: unknown, policy: BuildPolicy): UrlField[] {
  const stored = isRecord(raw) ? raw : {};
  return (['apiBaseUrl', 'rpcUrl'] as const).filter((field) => {
    const value = stored[field];
    return typeof value === 'string' && urlProblem(field, value.trim(), policy) !== null;
  });
}

/**
 * The mint options form as plain values (what the inputs hold) and their check:
 * the client's mint body schema's answers (options-plain.ts, by hand: the popup loads no zod),
 * plus "an expiry lies in the future".
 */
import type { MintOptions } from './options';
import { defaultDescription, optionProblems } from './options-plain';

export interface OptionsForm {
  apiKeyType: 'INFERENCE' | 'ADMIN';
  description: string;
  /** YYYY-MM-DD from a date input, or "" for never. */
  expires: string;
  /** Caps as typed; "" = no cap. */
  usd: string;
  diem: string;
  limitPeriod: 'EPOCH' | 'MONTH' | 'LIFETIME';
  modelPrivacy: 'ALL' | 'PRIVATE_TEXT' | 'PRIVATE_ONLY';
}

export type FormField = 'description' | 'expires' | 'usd' | 'diem' | 'form';
export type FormProblem = 'description' | 'expires_past' | 'amount' | 'generic';

export function initialForm(now: number, options?: MintOptions): OptionsForm {
  const cap = (v: number | null | undefined) => (typeof v === 'number' ? String(v) : '');
  return {
    apiKeyType: options?.apiKeyType ?? 'INFERENCE',
    description: options?.description ?? defaultDescription(now),
    expires: options?.expiresAt ? options.expiresAt.slice(0, 10) : '',
    usd: cap(options?.consumptionLimit?.usd),
    diem: cap(options?.consumptionLimit?.diem),
    limitPeriod: options?.limitPeriod ?? 'EPOCH',
    modelPrivacy: options?.modelPrivacy ?? 'ALL',
  };
}

const amount = (text: string): number | undefined => (text.trim() === '' ? undefined : Number(text.trim()));

/** The form as a mint body (without address, signature and token), before checking. */
export function formToOptions(form: OptionsForm): Record<string, unknown> {
  const options: Record<string, unknown> = {
    apiKeyType: form.apiKeyType,
    limitPeriod: form.limitPeriod,
    modelPrivacy: form.modelPrivacy,
  };
  const description = form.description.trim();
  if (description) options.description = description;
  if (form.expires) options.expiresAt = form.expires;
  const usd = amount(form.usd);
  const diem = amount(form.diem);
  if (usd !== undefined || diem !== undefined) {
    options.consumptionLimit = { ...(usd !== undefined && { usd }), ...(diem !== undefined && { diem }) };
  }
  return options;
}

const FIELD_OF: Record<string, FormField> = {
  description: 'description',
  expiresAt: 'expires',
  'consumptionLimit.usd': 'usd',
  'consumptionLimit.diem': 'diem',
};

export type FormResult = { ok: true; options: MintOptions } | { ok: false; problems: Partial<Record<FormField, FormProblem>> };

/** Checks the form; each refused field gets one problem to show next to it. */
export function checkForm(form: OptionsForm, now: number): FormResult {
  const problems: Partial<Record<FormField, FormProblem>> = {};
  const today = new Date(now).toISOString().slice(0, 10);
  if (form.expires && form.expires <= today) problems.expires = 'expires_past';
  const options = formToOptions(form);
  for (const field of optionProblems(options)) {
    const name = FIELD_OF[field] ?? 'form';
    problems[name] ??= name === 'description' ? 'description' : name === 'usd' || name === 'diem' ? 'amount' : 'generic';
  }
  if (Object.keys(problems).length === 0) return { ok: true, options: options as MintOptions };
  return { ok: false, problems };
}

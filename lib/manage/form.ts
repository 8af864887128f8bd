/**
 * The create and edit forms of the Manage keys page: what a person typed, checked before
 * anything is posted, each problem a reason the page can translate; and the documented traps
 * of an edit (Venice's API reference), shown before saving.
 */
import type { CreateKeyBody, KeyRecord, UpdateKeyBody } from '../venice/schemas/keys';
import { DATE_ONLY, isRealDate } from '../dates/real-date';

export const MAX_CAP = 9_999_999_999;

export interface KeyForm {
  apiKeyType: 'INFERENCE' | 'ADMIN';
  description: string;
  /** YYYY-MM-DD, or '' for never. */
  expiresAt: string;
  /** '' = no cap. */
  usd: string;
  diem: string;
  limitPeriod: 'EPOCH' | 'MONTH' | 'LIFETIME';
  modelPrivacy: 'ALL' | 'PRIVATE_TEXT' | 'PRIVATE_ONLY';
}
export type FormField = 'description' | 'expiresAt' | 'usd' | 'diem';
export type FormReason = 'required' | 'too_long' | 'not_a_date' | 'in_the_past' | 'not_a_number' | 'negative' | 'too_large' | 'too_precise';
export type FormProblems = Partial<Record<FormField, FormReason>>;

export const EMPTY_FORM: KeyForm = { apiKeyType: 'INFERENCE', description: '', expiresAt: '', usd: '', diem: '', limitPeriod: 'EPOCH', modelPrivacy: 'ALL' };

/** The form of an existing key (edit, rotate). */
export function formOf(key: Pick<KeyRecord, 'apiKeyType' | 'description' | 'expiresAt' | 'consumptionLimits' | 'limitPeriod' | 'modelPrivacy'>): KeyForm {
  const cap = (value: number | null | undefined) => (value === null || value === undefined ? '' : String(value));
  return {
    apiKeyType: key.apiKeyType, description: key.description ?? '', expiresAt: key.expiresAt ? key.expiresAt.slice(0, 10) : '',
    usd: cap(key.consumptionLimits.usd), diem: cap(key.consumptionLimits.diem), limitPeriod: key.limitPeriod, modelPrivacy: key.modelPrivacy,
  };
}

function capReason(text: string): FormReason | null {
  const value = text.trim();
  if (value === '') return null;
  if (!/^-?\d+(?:\.\d+)?$/.test(value)) return 'not_a_number';
  const n = Number(value);
  if (n < 0) return 'negative';
  if (n > MAX_CAP) return 'too_large';
  if ((value.split('.')[1] ?? '').length > 2) return 'too_precise';
  return null;
}

const capValue = (text: string): number | null => (text.trim() === '' ? null : Number(text.trim()));

export function checkForm(form: KeyForm, today: string): FormProblems {
  const problems: FormProblems = {};
  const description = form.description.trim();
  if (!description) problems.description = 'required';
  else if (description.length > 64) problems.description = 'too_long';
  const expiry = form.expiresAt.trim();
  if (expiry) {
    if (!DATE_ONLY.test(expiry) || !isRealDate(expiry)) problems.expiresAt = 'not_a_date';
    else if (expiry <= today) problems.expiresAt = 'in_the_past';
  }
  for (const field of ['usd', 'diem'] as const) {
    const reason = capReason(form[field]);
    if (reason) problems[field] = reason;
  }
  return problems;
}

export const hasProblems = (problems: FormProblems) => Object.keys(problems).length > 0;

/** POST /api_keys's body; every documented option, an empty one left out. */
export function createBody(form: KeyForm): CreateKeyBody {
  const usd = capValue(form.usd);
  const diem = capValue(form.diem);
  return {
    apiKeyType: form.apiKeyType,
    description: form.description.trim(),
    ...(form.expiresAt.trim() ? { expiresAt: form.expiresAt.trim() } : {}),
    ...(usd !== null || diem !== null ? { consumptionLimit: { usd, diem } } : {}),
    limitPeriod: form.limitPeriod,
    modelPrivacy: form.modelPrivacy,
  };
}

/** PATCH /api_keys's body: only what changed (only the fields sent change). */
export function updateBody(id: string, before: KeyForm, after: KeyForm): UpdateKeyBody {
  const body: UpdateKeyBody = { id };
  if (after.description.trim() !== before.description) body.description = after.description.trim();
  if (after.expiresAt.trim() !== before.expiresAt) body.expiresAt = after.expiresAt.trim() || null;
  const usd = capValue(after.usd);
  const diem = capValue(after.diem);
  const capsChanged = usd !== capValue(before.usd) || diem !== capValue(before.diem);
  if (capsChanged) body.consumptionLimit = { usd, diem };
  if (after.limitPeriod !== before.limitPeriod) body.limitPeriod = after.limitPeriod;
  if (after.modelPrivacy !== before.modelPrivacy) body.modelPrivacy = after.modelPrivacy;
  return body;
}

export type Trap = 'usd_zero' | 'diem_zero' | 'cap_removed' | 'expiry_removed' | 'privacy_tighter';

/** The documented traps this edit falls into, to show before saving. */
export function trapsOf(before: KeyForm, body: UpdateKeyBody): Trap[] {
  const traps: Trap[] = [];
  const caps = body.consumptionLimit;
  if (caps?.usd === 0) traps.push('usd_zero');
  if (caps?.diem === 0) traps.push('diem_zero');
  if (caps && ((caps.usd === null && before.usd !== '') || (caps.diem === null && before.diem !== ''))) traps.push('cap_removed');
  if (body.expiresAt === null && before.expiresAt !== '') traps.push('expiry_removed');
  if (body.modelPrivacy !== undefined && body.modelPrivacy !== 'ALL') traps.push('privacy_tighter');
  return traps;
}

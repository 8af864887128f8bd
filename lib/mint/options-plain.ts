/**
 * The mint options without zod, for the popup's form (lib/mint/form.ts) and its view of the flow
 * (state-check.ts): the defaults, and a hand check with the same answers as options.ts's
 * MintOptionsSchema (test/unit/shape/mint-options-check.test.ts holds the two together). The
 * background parses the options with the schema when the popup sends them.
 */
import { DATE_ONLY, DATE_TIME, isRealDate } from '../dates/real-date';
import { isObject, nullable, num, oneOf, optional, shape, text, type Guard } from '../shape/guards';
import type { MintOptions } from './options';

/** The description Venice itself uses when none is sent. */
export const SERVER_DEFAULT_DESCRIPTION = 'Web3 API Key';

/** "Venice Key Wallet 2025-06-01": tells the person later which tool minted the key, and when. */
export function defaultDescription(now: number): string {
  return `Venice Key Wallet ${new Date(now).toISOString().slice(0, 10)}`;
}

/** INFERENCE by default: a leaf app almost never needs key management rights. */
export function defaultOptions(now: number): MintOptions {
  return { apiKeyType: 'INFERENCE', description: defaultDescription(now) };
}

export const API_KEY_TYPES = ['INFERENCE', 'ADMIN'] as const;
const limitAmount = optional(nullable(num(0, 9_999_999_999)));
const expiresAt: Guard = (v) => v === '' || (typeof v === 'string' && (DATE_ONLY.test(v) || DATE_TIME.test(v)) && isRealDate(v));

/** Each field's check; the path is what zod names in its issue (form.ts maps it to the form's field). */
const FIELDS: Record<string, Guard> = {
  apiKeyType: oneOf(API_KEY_TYPES),
  description: optional(text(0, 64)),
  expiresAt: optional(expiresAt),
  consumptionLimit: optional(shape({ usd: limitAmount, diem: limitAmount, vcu: limitAmount })),
  limitPeriod: optional(oneOf(['EPOCH', 'MONTH', 'LIFETIME'])),
  modelPrivacy: optional(oneOf(['ALL', 'PRIVATE_TEXT', 'PRIVATE_ONLY'])),
};
const LIMIT_KEYS = ['usd', 'diem', 'vcu'];

/** The fields that do not fit, named as zod's issues name them ('(options)' for the object itself). */
export function optionProblems(input: unknown): string[] {
  if (!isObject(input)) return ['(options)'];
  const problems: string[] = [];
  for (const [key, guard] of Object.entries(FIELDS)) {
    if (guard(input[key])) continue;
    const caps = input[key];
    if (key === 'consumptionLimit' && isObject(caps)) {
      for (const cap of LIMIT_KEYS) if (!limitAmount(caps[cap])) problems.push(`consumptionLimit.${cap}`);
      if (Object.keys(caps).some((k) => !LIMIT_KEYS.includes(k))) problems.push('consumptionLimit');
    } else problems.push(key);
  }
  if (Object.keys(input).some((key) => !Object.hasOwn(FIELDS, key))) problems.push('(options)');
  return problems;
}

export const isMintOptions = (input: unknown): input is MintOptions => optionProblems(input).length === 0;

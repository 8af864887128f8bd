/**
 * The options a person picks before minting: the body of POST
 * /api_keys/generate_web3_key without address, signature and token. In zod/mini,
 * because the popup loads it; the same checks and messages as the Venice client's
 * MintKeyBodySchema (lib/venice/schemas/web3.ts), which the background sends with.
 * test/unit/mint/options-schema.test.ts holds the two to the same answers.
 */
import * as z from 'zod/mini';
import { DATE_ONLY, DATE_TIME, isRealDate } from '../dates/real-date';

export const ApiKeyTypeSchema = z.enum(['INFERENCE', 'ADMIN']);

const MAX_LIMIT_AMOUNT = 9_999_999_999;
const MAX_DESCRIPTION_LENGTH = 64;

/** One consumption cap: a number 0..9999999999, or null for "no cap". */
const limitAmount = z.optional(z.nullable(z.number().check(z.gte(0), z.lte(MAX_LIMIT_AMOUNT))));

export const MintOptionsSchema = z.strictObject({
  apiKeyType: ApiKeyTypeSchema,
  description: z.optional(z.string().check(z.maxLength(MAX_DESCRIPTION_LENGTH, `At most ${MAX_DESCRIPTION_LENGTH} characters`))),
  /** "" (never), YYYY-MM-DD, or YYYY-MM-DDTHH:mm:ss[.sss]Z. */
  expiresAt: z.optional(
    z.union([
      z.literal(''),
      z.string().check(z.regex(DATE_ONLY), z.refine(isRealDate, 'Not a real date')),
      z.string().check(z.regex(DATE_TIME), z.refine(isRealDate, 'Not a real date and time')),
    ]),
  ),
  /** vcu: deprecated by Venice (legacy DIEM); still accepted. */
  consumptionLimit: z.optional(z.strictObject({ usd: limitAmount, diem: limitAmount, vcu: limitAmount })),
  limitPeriod: z.optional(z.enum(['EPOCH', 'MONTH', 'LIFETIME'])),
  modelPrivacy: z.optional(z.enum(['ALL', 'PRIVATE_TEXT', 'PRIVATE_ONLY'])),
});
export type MintOptions = z.output<typeof MintOptionsSchema>;


export type OptionsResult = { ok: true; options: MintOptions } | { ok: false; problems: { field: string; reason: string }[] };

/** Checks options from a form; reports each refused field by name instead of throwing. */
export function checkOptions(input: unknown): OptionsResult {
  const parsed = MintOptionsSchema.safeParse(input);
  if (parsed.success) return { ok: true, options: parsed.data };
  return {
    ok: false,
    problems: parsed.error.issues.map((issue) => ({ field: issue.path.map(String).join('.') || '(options)', reason: issue.message })),
  };
}

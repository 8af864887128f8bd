// Strict request bodies, as in venice-swagger.yaml: an unknown field is a 400.
import { z } from 'zod';
import { fail, type Reply } from './reply';

const cap = z.number().min(0).max(9_999_999_999).nullable();
// Not strict: the OpenAPI file leaves consumptionLimit open (unknown caps are dropped), unlike the body itself.
export const consumptionLimit = z.object({ usd: cap.optional(), diem: cap.optional(), vcu: cap.optional() });
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?Z$/;
const expiresAt = z.union([z.literal(''), z.string().regex(DATE), z.string().regex(DATE_TIME)]);
const apiKeyType = z.enum(['INFERENCE', 'ADMIN']);
const limitPeriod = z.enum(['EPOCH', 'MONTH', 'LIFETIME']);
const modelPrivacy = z.enum(['ALL', 'PRIVATE_TEXT', 'PRIVATE_ONLY']);
const description = z.string().max(64);

const keyOptions = {
  consumptionLimit: consumptionLimit.optional(),
  limitPeriod: limitPeriod.optional(),
  modelPrivacy: modelPrivacy.optional(),
  expiresAt: expiresAt.optional(),
};

export const createKeyBody = z.strictObject({ apiKeyType, description, ...keyOptions });

export const mintBody = z.strictObject({
  apiKeyType,
  address: z.string(),
  signature: z.string(),
  token: z.string(),
  description: description.optional(),
  ...keyOptions,
});

export const updateKeyBody = z.strictObject({
  id: z.string().min(1),
  description: description.optional(),
  consumptionLimit: consumptionLimit.optional(),
  limitPeriod: limitPeriod.optional(),
  modelPrivacy: modelPrivacy.optional(),
  expiresAt: expiresAt.nullable().optional(),
});

export const deleteKeyBody = z.strictObject({ id: z.string().min(1) });

export type CreateKeyBody = z.infer<typeof createKeyBody>;
export type MintBody = z.infer<typeof mintBody>;
export type UpdateKeyBody = z.infer<typeof updateKeyBody>;

/** "Invalid request parameters" with zod's field tree as `details`, as on the error-codes page. */
export function invalidParameters(error: z.ZodError): Reply {
  return fail(400, 'Invalid request parameters', { details: z.formatError(error), issues: error.issues });
}

/** A parsed body, or the 400 to send. (Not `T | Reply`: a body may well have a numeric `status`.) */
export type Parsed<T> = { ok: true; value: T } | { ok: false; reply: Reply };

export function parseBody<T>(schema: z.ZodType<T>, body: unknown, bodyIsJson: boolean): Parsed<T> {
  if (!bodyIsJson) {
    return { ok: false, reply: fail(400, 'Invalid request parameters', { details: { _errors: ['Body must be a JSON object'] }, issues: [] }) };
  }
  const result = schema.safeParse(body);
  return result.success ? { ok: true, value: result.data } : { ok: false, reply: invalidParameters(result.error) };
}

/** "" or null -> no expiry (null); a date -> that day at 00:00 UTC; a date-time as sent; undefined = not a real date. */
export function expiryToIso(value: string | null | undefined): string | null | undefined {
  if (!value) return null;
  const time = Date.parse(DATE.test(value) ? `${value}T00:00:00.000Z` : value);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}

/**
 * Building blocks shared by the Venice schemas, each faithful to
 * venice-swagger.yaml (paths /api_keys*, /billing/balance, /x402/balance).
 */
import * as z from 'zod/mini';
import { DATE_ONLY, DATE_TIME, isRealDate } from '../../dates/real-date';

export const ApiKeyTypeSchema = z.enum(['INFERENCE', 'ADMIN']);

export const LimitPeriodSchema = z.enum(['EPOCH', 'MONTH', 'LIFETIME']);

export const ModelPrivacySchema = z.enum(['ALL', 'PRIVATE_TEXT', 'PRIVATE_ONLY']);

export const MAX_LIMIT_AMOUNT = 9_999_999_999;
export const MAX_DESCRIPTION_LENGTH = 64;

/** One consumption cap: a number 0..9999999999, or null for "no cap". */
export const LimitAmountSchema = z.nullable(z.number().check(z.minimum(0), z.maximum(MAX_LIMIT_AMOUNT)));

const limitShape = {
  usd: z.optional(LimitAmountSchema),
  diem: z.optional(LimitAmountSchema),
  /** Deprecated by Venice (legacy DIEM); still accepted and echoed. */
  vcu: z.optional(LimitAmountSchema),
};
/** `consumptionLimit(s)` as the server sends it. */
export const ConsumptionLimitSchema = z.object(limitShape);
/** `consumptionLimit` as the client sends it: unknown fields are an error. */
export const ConsumptionLimitInputSchema = z.strictObject(limitShape);

/** Money and usage amounts the server sends as decimal strings, e.g. "10.2424". */
export const DecimalStringSchema = z.string().check(z.regex(/^-?\d+(?:\.\d+)?$/, 'Expected a decimal number string'));

export const DescriptionSchema = z.string().check(z.maxLength(MAX_DESCRIPTION_LENGTH, `At most ${MAX_DESCRIPTION_LENGTH} characters`));

/** `expiresAt` on create and mint: "" (never), YYYY-MM-DD, or YYYY-MM-DDTHH:mm:ss[.sss]Z. */
export const ExpiresAtInputSchema = z.union([
  z.literal(''),
  z.string().check(z.regex(DATE_ONLY), z.refine(isRealDate, 'Not a real date')),
  z.string().check(z.regex(DATE_TIME), z.refine(isRealDate, 'Not a real date and time')),
]);
/** `expiresAt` on update: the same, or null; "" and null both remove the expiry. */
export const ExpiresAtUpdateSchema = z.nullable(ExpiresAtInputSchema);

/**
 * A key id as the client puts it into a path or query. Venice ids are UUIDs; the
 * check keeps any id from spelling a sibling route such as "rate_limits".
 */
export const KeyIdSchema = z.string().check(z.regex(/^[A-Za-z0-9-]{1,128}$/, 'Not a valid key id'));

/** An EVM address (checksummed or not). */
export const EvmAddressSchema = z.string().check(z.regex(/^0x[0-9a-fA-F]{40}$/, 'Not an EVM address'));

/** A JWT as issued by GET /api_keys/generate_web3_key: three base64url segments. */
export const JwtSchema = z.string().check(z.regex(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/, 'Not a JWT'));

/**
 * A wallet signature: 0x and whole bytes of hex. A plain account signs 65 bytes;
 * a smart-contract wallet (ERC-1271, ERC-6492) may send more or fewer, so only
 * the form and a sane size are checked.
 */
export const HexSignatureSchema = z.string().check(z.regex(/^0x(?:[0-9a-fA-F]{2}){1,16384}$/, 'Not a hex signature'));

/** Schemas of GET/POST/PATCH/DELETE /api_keys and GET /api_keys/{id}. */
import * as z from 'zod/mini';
import {
  ApiKeyTypeSchema,
  ConsumptionLimitInputSchema,
  ConsumptionLimitSchema,
  DecimalStringSchema,
  DescriptionSchema,
  ExpiresAtInputSchema,
  ExpiresAtUpdateSchema,
  KeyIdSchema,
  LimitPeriodSchema,
  ModelPrivacySchema,
} from './common';

const keyBaseShape = {
  id: z.string(),
  apiKeyType: ApiKeyTypeSchema,
  consumptionLimits: ConsumptionLimitSchema,
  limitPeriod: LimitPeriodSchema,
  modelPrivacy: ModelPrivacySchema,
  createdAt: z.nullable(z.string()),
  description: z.optional(z.string()),
  expiresAt: z.nullable(z.string()),
  last6Chars: z.string(),
  lastUsedAt: z.nullable(z.string()),
};

export const KeyUsageSchema = z.object({
  trailingSevenDays: z.object({ usd: DecimalStringSchema, vcu: DecimalStringSchema, diem: DecimalStringSchema }),
});
/** Present only for keys with a USD or DIEM limit. */
export const CurrentPeriodUsageSchema = z.object({ usd: DecimalStringSchema, diem: DecimalStringSchema });

/** A key as GET /api_keys and GET /api_keys/{id} describe it (masked: last6Chars only). */
export const KeyRecordSchema = z.object({
  ...keyBaseShape,
  usage: z.optional(KeyUsageSchema),
  currentPeriodUsage: z.optional(CurrentPeriodUsageSchema),
});
export type KeyRecord = z.infer<typeof KeyRecordSchema>;

/** A key as PATCH /api_keys returns it (no usage figures). */
export const UpdatedKeySchema = z.object(keyBaseShape);
export type UpdatedKey = z.infer<typeof UpdatedKeySchema>;

export const ListKeysResponseSchema = z.object({ data: z.array(KeyRecordSchema), object: z.literal('list') });

export const GetKeyResponseSchema = z.object({ data: KeyRecordSchema });

export const UpdateKeyResponseSchema = z.object({ data: UpdatedKeySchema, success: z.boolean() });

export const DeleteKeyResponseSchema = z.object({ success: z.boolean() });
export type DeleteKeyResponse = z.infer<typeof DeleteKeyResponseSchema>;

/** A freshly created key: the only time the secret (`apiKey`) is sent. */
export const CreatedKeySchema = z.object({
  apiKey: z.string().check(z.minLength(1)),
  apiKeyType: ApiKeyTypeSchema,
  consumptionLimit: ConsumptionLimitSchema,
  limitPeriod: LimitPeriodSchema,
  modelPrivacy: ModelPrivacySchema,
  description: z.optional(z.string()),
  expiresAt: z.nullable(z.string()),
  id: z.string(),
});
export type CreatedKey = z.infer<typeof CreatedKeySchema>;

export const CreateKeyResponseSchema = z.object({ data: CreatedKeySchema, success: z.boolean() });

/** Body of POST /api_keys. */
export const CreateKeyBodySchema = z.strictObject({
  apiKeyType: ApiKeyTypeSchema,
  description: DescriptionSchema,
  expiresAt: z.optional(ExpiresAtInputSchema),
  consumptionLimit: z.optional(ConsumptionLimitInputSchema),
  limitPeriod: z.optional(LimitPeriodSchema),
  modelPrivacy: z.optional(ModelPrivacySchema),
});
export type CreateKeyBody = z.infer<typeof CreateKeyBodySchema>;

/** Body of PATCH /api_keys: only the fields sent change; apiKeyType cannot change. */
export const UpdateKeyBodySchema = z.strictObject({
  id: KeyIdSchema,
  description: z.optional(DescriptionSchema),
  expiresAt: z.optional(ExpiresAtUpdateSchema),
  consumptionLimit: z.optional(ConsumptionLimitInputSchema),
  limitPeriod: z.optional(LimitPeriodSchema),
  modelPrivacy: z.optional(ModelPrivacySchema),
});
export type UpdateKeyBody = z.infer<typeof UpdateKeyBodySchema>;

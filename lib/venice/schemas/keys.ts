/** Schemas of GET/POST/PATCH/DELETE /api_keys and GET /api_keys/{id}. */
import { z } from 'zod';
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
  createdAt: z.string().nullable(),
  description: z.string().optional(),
  expiresAt: z.string().nullable(),
  last6Chars: z.string(),
  lastUsedAt: z.string().nullable(),
};

export const KeyUsageSchema = z.object({
  trailingSevenDays: z.object({ usd: DecimalStringSchema, vcu: DecimalStringSchema, diem: DecimalStringSchema }),
});
/** Present only for keys with a USD or DIEM limit. */
export const CurrentPeriodUsageSchema = z.object({ usd: DecimalStringSchema, diem: DecimalStringSchema });

/** A key as GET /api_keys and GET /api_keys/{id} describe it (masked: last6Chars only). */
export const KeyRecordSchema = z.object({
  ...keyBaseShape,
  usage: KeyUsageSchema.optional(),
  currentPeriodUsage: CurrentPeriodUsageSchema.optional(),
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
  apiKey: z.string().min(1),
  apiKeyType: ApiKeyTypeSchema,
  consumptionLimit: ConsumptionLimitSchema,
  limitPeriod: LimitPeriodSchema,
  modelPrivacy: ModelPrivacySchema,
  description: z.string().optional(),
  expiresAt: z.string().nullable(),
  id: z.string(),
});
export type CreatedKey = z.infer<typeof CreatedKeySchema>;

export const CreateKeyResponseSchema = z.object({ data: CreatedKeySchema, success: z.boolean() });

/** Body of POST /api_keys. */
export const CreateKeyBodySchema = z.strictObject({
  apiKeyType: ApiKeyTypeSchema,
  description: DescriptionSchema,
  expiresAt: ExpiresAtInputSchema.optional(),
  consumptionLimit: ConsumptionLimitInputSchema.optional(),
  limitPeriod: LimitPeriodSchema.optional(),
  modelPrivacy: ModelPrivacySchema.optional(),
});
export type CreateKeyBody = z.infer<typeof CreateKeyBodySchema>;

/** Body of PATCH /api_keys: only the fields sent change; apiKeyType cannot change. */
export const UpdateKeyBodySchema = z.strictObject({
  id: KeyIdSchema,
  description: DescriptionSchema.optional(),
  expiresAt: ExpiresAtUpdateSchema.optional(),
  consumptionLimit: ConsumptionLimitInputSchema.optional(),
  limitPeriod: LimitPeriodSchema.optional(),
  modelPrivacy: ModelPrivacySchema.optional(),
});
export type UpdateKeyBody = z.infer<typeof UpdateKeyBodySchema>;

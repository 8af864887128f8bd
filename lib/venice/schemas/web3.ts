/** Schemas of GET and POST /api_keys/generate_web3_key (the wallet mint). */
import * as z from 'zod/mini';
import {
  ApiKeyTypeSchema,
  ConsumptionLimitInputSchema,
  DescriptionSchema,
  EvmAddressSchema,
  ExpiresAtInputSchema,
  HexSignatureSchema,
  JwtSchema,
  LimitPeriodSchema,
  ModelPrivacySchema,
} from './common';
import { CreatedKeySchema } from './keys';

/** The token (a JWT, valid 15 minutes) that the wallet signs with personal_sign. */
export const Web3TokenResponseSchema = z.object({
  data: z.object({ token: JwtSchema }),
  success: z.boolean(),
});

/** Body of POST /api_keys/generate_web3_key. The description defaults to "Web3 API Key" server-side. */
export const MintKeyBodySchema = z.strictObject({
  address: EvmAddressSchema,
  signature: HexSignatureSchema,
  token: JwtSchema,
  apiKeyType: ApiKeyTypeSchema,
  description: z.optional(DescriptionSchema),
  expiresAt: z.optional(ExpiresAtInputSchema),
  consumptionLimit: z.optional(ConsumptionLimitInputSchema),
  limitPeriod: z.optional(LimitPeriodSchema),
  modelPrivacy: z.optional(ModelPrivacySchema),
});
export type MintKeyBody = z.infer<typeof MintKeyBodySchema>;

/**
 * The minted key. Its `consumptionLimit` echo is unreliable on this route (diem
 * derived from vcu, a usd of 0 echoed as null): read the key back for real limits.
 */
export const MintKeyResponseSchema = z.object({ data: CreatedKeySchema, success: z.boolean() });

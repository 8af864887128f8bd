/** Schemas of GET /api_keys/rate_limits and GET /api_keys/rate_limits/log. */
import * as z from 'zod/mini';

export const ModelRateLimitSchema = z.object({
  /** RPM, RPD or TPM (a plain string in the OpenAPI file, so new types still parse). */
  type: z.string(),
  amount: z.number(),
});

export const RateLimitsResponseSchema = z.object({
  data: z.object({
    /** The real admission check: balance, per-key limits and account status together. */
    accessPermitted: z.boolean(),
    apiTier: z.object({ id: z.string(), isCharged: z.boolean() }),
    /** What this key can spend now; any currency may be missing. */
    balances: z.object({
      USD: z.optional(z.number()),
      DIEM: z.optional(z.number()),
      BUNDLED_CREDITS: z.optional(z.number()),
    }),
    /** null = the key never expires. */
    keyExpiration: z.nullable(z.string()),
    nextEpochBegins: z.string(),
    rateLimits: z.array(
      z.object({
        apiModelId: z.optional(z.string()),
        /** Empty for video and music models. */
        rateLimits: z.array(ModelRateLimitSchema),
      }),
    ),
  }),
});
export type RateLimitsResponse = z.infer<typeof RateLimitsResponseSchema>;
export type RateLimits = RateLimitsResponse['data'];

export const RateLimitTypeSchema = z.enum(['RPD', 'RPM', 'TPM', 'FAILED_REQUESTS', 'UNSUPPORTED_FEATURE_REQUESTS']);

export const RateLimitLogEntrySchema = z.object({
  apiKeyId: z.string(),
  modelId: z.string(),
  rateLimitTier: z.string(),
  rateLimitType: RateLimitTypeSchema,
  timestamp: z.string(),
});
export type RateLimitLogEntry = z.infer<typeof RateLimitLogEntrySchema>;

/** The last 50 breaches of the account, newest first. */
export const RateLimitLogResponseSchema = z.object({
  data: z.array(RateLimitLogEntrySchema),
  object: z.literal('list'),
});

/**
 * Schemas of GET /billing/usage-analytics (beta) and GET /billing/usage-history (venice-swagger.yaml).
 * Every object is a plain `z.object`: a field Venice adds is dropped, never a failure. The file
 * closes the analytics answer, a ledger entry and its inferenceDetails (additionalProperties
 * false), but the analytics route is a beta whose schema "may change without notice", and a page
 * of charts that breaks on a new field helps nobody. Types, enums, bounds and required fields
 * follow the file exactly (test/contract/drift.test.ts holds them to it).
 */
import * as z from 'zod/mini';

/** "Nd", 1..90 days. */
export const LOOKBACK_PATTERN = /^[1-9]\d*d$/;
export const MAX_LOOKBACK_DAYS = 90;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/;
const CURSOR = /^[A-Za-z0-9_-]+$/;

export const UsageCursorSchema = z.string().check(z.minLength(1), z.maxLength(512), z.regex(CURSOR, 'Not a cursor'));
export const UsageCurrencySchema = z.enum(['USD', 'DIEM', 'BUNDLED_CREDITS']);

const byModel = z.object({
  modelName: z.string(),
  unitType: z.string(),
  modelType: z.nullable(z.string()),
  totalUsd: z.number(),
  totalDiem: z.number(),
  totalUnits: z.number(),
  /** Present only when the model has several unit types (Input, Output, Cache Read…). */
  breakdown: z.optional(z.array(z.object({ type: z.string(), usd: z.number(), diem: z.number(), units: z.number() }))),
});

export const UsageAnalyticsResponseSchema = z.object({
  /** "Nd", or "startDate:endDate". */
  lookback: z.string(),
  /** Days with usage (the page fills the others with 0). */
  byDate: z.array(z.object({ date: z.string(), USD: z.number(), DIEM: z.number() })),
  /** Sorted by spend, highest first. */
  byModel: z.array(byModel),
  /** Top 8 models: `date` (ms) plus one number per model name. */
  byModelDaily: z.array(z.record(z.string(), z.number())),
  topModels: z.array(z.string()),
  byKey: z.array(z.object({
    /** null: usage from Venice's web app. */
    apiKeyId: z.nullable(z.string()),
    description: z.string(),
    totalUsd: z.number(),
    totalDiem: z.number(),
    totalUnits: z.number(),
  })),
  byKeyDaily: z.array(z.record(z.string(), z.number())),
  topKeyNames: z.array(z.string()),
});
export type UsageAnalytics = z.infer<typeof UsageAnalyticsResponseSchema>;

const tokenCount = z.nullable(z.int().check(z.minimum(0)));

export const UsageEntrySchema = z.object({
  /** Negative for a charge. */
  amount: z.number(),
  currency: UsageCurrencySchema,
  inferenceDetails: z.nullable(z.object({
    completionTokens: tokenCount,
    inferenceExecutionTime: tokenCount,
    promptTokens: tokenCount,
    requestId: z.string(),
  })),
  notes: z.string(),
  pricePerUnitUsd: z.number(),
  sku: z.string(),
  timestamp: z.string().check(z.maxLength(40), z.regex(DATE_TIME, 'Not a date-time')),
  units: z.number(),
});
export type UsageEntry = z.infer<typeof UsageEntrySchema>;

export const UsageHistoryResponseSchema = z.object({
  data: z.array(UsageEntrySchema).check(z.maxLength(1000)),
  /** null on the last page. */
  nextCursor: z.nullable(UsageCursorSchema),
});
export type UsageHistoryPage = z.infer<typeof UsageHistoryResponseSchema>;

/** One page of the ledger as CSV (`Accept: text/csv`), the next page's cursor from `x-next-cursor`. */
export const UsageHistoryCsvSchema = z.object({
  csv: z.string(),
  nextCursor: z.nullable(UsageCursorSchema),
});
export type UsageHistoryCsv = z.infer<typeof UsageHistoryCsvSchema>;

const lookbackDays = (value: string) => Number(value.slice(0, -1)) <= MAX_LOOKBACK_DAYS;
const realDate = (value: string) => {
  const ms = Date.parse(`${value}T00:00:00.000Z`);
  return !Number.isNaN(ms) && new Date(ms).toISOString().startsWith(value);
};
const dateOnly = z.string().check(z.regex(DATE_ONLY, 'Expected YYYY-MM-DD'), z.refine(realDate, 'Not a real date'));

/** What usageAnalytics sends: a lookback of 1..90 days, or both dates. */
export const UsageAnalyticsQuerySchema = z.union([
  z.strictObject({ lookback: z.string().check(z.regex(LOOKBACK_PATTERN, 'Expected "Nd", e.g. "7d"'), z.refine(lookbackDays, 'At most 90d')) }),
  z.strictObject({ startDate: dateOnly, endDate: dateOnly }),
]);
export type UsageAnalyticsQuery = z.infer<typeof UsageAnalyticsQuerySchema>;

const timestamp = z.string().check(z.maxLength(40), z.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z$/, 'Expected an ISO 8601 UTC date-time ending in Z'));

/** What usageHistory sends: the first page's filters, or a cursor alone (it carries them). */
export const UsageHistoryQuerySchema = z.union([
  z.strictObject({ cursor: UsageCursorSchema }),
  z.strictObject({
    currency: z.optional(UsageCurrencySchema),
    startTimestamp: z.optional(timestamp),
    endTimestamp: z.optional(timestamp),
    pageSize: z.optional(z.int().check(z.minimum(10), z.maximum(1000))),
  }).check(z.refine((q) => !q.startTimestamp || !q.endTimestamp || Date.parse(q.endTimestamp) > Date.parse(q.startTimestamp), 'endTimestamp must be later than startTimestamp')),
]);
export type UsageHistoryQuery = z.infer<typeof UsageHistoryQuerySchema>;

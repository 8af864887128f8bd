/**
 * The Manage keys page's Usage section (extension pages only): spend by day, model and key, the
 * ledger and its CSV, for the last 7, 30 or 90 days, with an ADMIN key of the vault named by its
 * record id. Its own file so the page loads these schemas only when the section opens.
 */
import * as z from 'zod/mini';
import { UsageAnalyticsResponseSchema, UsageCursorSchema, UsageHistoryResponseSchema } from '../venice/schemas/usage';
import { contract } from './protocol';

const adminId = z.string().check(z.minLength(1), z.maxLength(100));
const days = z.union([z.literal(7), z.literal(30), z.literal(90)]);

export const manageUsageContracts = {
  'manage.usageAnalytics': contract(z.strictObject({ adminId, days }), UsageAnalyticsResponseSchema),
  'manage.usageHistory': contract(
    z.strictObject({ adminId, from: z.union([z.strictObject({ days }), z.strictObject({ cursor: UsageCursorSchema })]) }),
    UsageHistoryResponseSchema,
  ),
  'manage.usageCsv': contract(
    z.strictObject({ adminId, days }),
    z.strictObject({ csv: z.string(), rows: z.number(), complete: z.boolean() }),
  ),
};

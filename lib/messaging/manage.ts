/**
 * The Manage keys page's contracts (extension pages only). The page names an ADMIN key by its
 * vault record id; the background reads its secret. The one secret that crosses is a newly
 * created key's, in `manage.create`'s answer, to be shown once.
 */
import * as z from 'zod/mini';
import { AppErrorSchema } from '../errors/app-error';
import { KeyMetaSchema } from '../vault/record';
import { BillingBalanceResponseSchema } from '../venice/schemas/billing';
import { KeyIdSchema } from '../venice/schemas/common';
import { CreateKeyBodySchema, CreatedKeySchema, KeyRecordSchema, UpdateKeyBodySchema, UpdatedKeySchema } from '../venice/schemas/keys';
import { RateLimitLogEntrySchema } from '../venice/schemas/rate-limits';
import { contract } from './protocol';

const adminId = z.string().check(z.minLength(1), z.maxLength(100));
const byAdmin = z.strictObject({ adminId });
const oneKey = z.strictObject({ adminId, id: KeyIdSchema });

export const CreateOutcomeSchema = z.discriminatedUnion('outcome', [
  z.strictObject({
    outcome: z.literal('created'),
    key: z.omit(CreatedKeySchema, { apiKey: true }),
    secret: z.string().check(z.minLength(1), z.maxLength(300)),
    saved: z.nullable(KeyMetaSchema),
    saveError: z.nullable(AppErrorSchema),
  }),
  z.strictObject({ outcome: z.literal('rate-limited'), retryAfterSeconds: z.number() }),
  z.strictObject({ outcome: z.literal('cap-reached') }),
  z.strictObject({ outcome: z.literal('lost'), listed: z.boolean(), orphans: z.array(KeyRecordSchema) }),
]);
export type CreateOutcomeView = z.infer<typeof CreateOutcomeSchema>;

export const manageContracts = {
  'manage.list': contract(byAdmin, z.strictObject({ keys: z.array(KeyRecordSchema), paused: z.array(z.string()) })),
  'manage.get': contract(oneKey, KeyRecordSchema),
  'manage.create': contract(z.strictObject({ adminId, body: CreateKeyBodySchema }), CreateOutcomeSchema),
  'manage.update': contract(z.strictObject({ adminId, body: UpdateKeyBodySchema }), UpdatedKeySchema),
  'manage.pause': contract(oneKey, UpdatedKeySchema),
  'manage.resume': contract(oneKey, UpdatedKeySchema),
  'manage.revoke': contract(
    z.strictObject({ adminId, key: z.strictObject({ id: KeyIdSchema, last6Chars: z.string().check(z.maxLength(6)), apiKeyType: z.enum(['INFERENCE', 'ADMIN']) }) }),
    z.strictObject({ marked: z.number() }),
  ),
  'manage.balance': contract(byAdmin, BillingBalanceResponseSchema),
  'manage.rateLimitLog': contract(byAdmin, z.array(RateLimitLogEntrySchema)),
};

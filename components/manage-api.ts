/**
 * What the Manage keys page asks the background (entrypoints/manage/api.ts builds it on the
 * page's client). The page names the ADMIN key by its vault record id; no secret crosses but a
 * newly created key's, once.
 */
import type { CreateOutcomeView } from '../lib/messaging/manage';
import type { BillingBalanceResponse } from '../lib/venice/schemas/billing';
import type { CreateKeyBody, KeyRecord, UpdateKeyBody, UpdatedKey } from '../lib/venice/schemas/keys';
import type { RateLimitLogEntry } from '../lib/venice/schemas/rate-limits';
import type { VaultApi } from './vault-api';

export interface ManageApi extends Pick<VaultApi, 'status' | 'unlock' | 'importKey' | 'copy'> {
  list(adminId: string): Promise<{ keys: KeyRecord[]; paused: string[] }>;
  get(adminId: string, id: string): Promise<KeyRecord>;
  create(adminId: string, body: CreateKeyBody): Promise<CreateOutcomeView>;
  update(adminId: string, body: UpdateKeyBody): Promise<UpdatedKey>;
  pause(adminId: string, id: string): Promise<UpdatedKey>;
  resume(adminId: string, id: string): Promise<UpdatedKey>;
  revoke(adminId: string, key: Pick<KeyRecord, 'id' | 'last6Chars' | 'apiKeyType'>): Promise<{ marked: number }>;
  balance(adminId: string): Promise<BillingBalanceResponse>;
  rateLimitLog(adminId: string): Promise<RateLimitLogEntry[]>;
}

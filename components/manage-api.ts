/**
 * What the Manage keys page asks the background (entrypoints/manage/api.ts builds it on the
 * page's client). The page names the ADMIN key by its vault record id; no secret crosses but a
 * newly created key's, once.
 */
import type { FirstList as FirstListOf } from '../lib/manage/open';
import type { CreateOutcomeView } from '../lib/messaging/manage';
import type { VaultStatusView } from '../lib/messaging/vault';
import type { BillingBalanceResponse } from '../lib/venice/schemas/billing';
import type { CreateKeyBody, KeyRecord, UpdateKeyBody, UpdatedKey } from '../lib/venice/schemas/keys';
import type { RateLimitLogEntry } from '../lib/venice/schemas/rate-limits';
import type { UsageAnalytics, UsageHistoryPage } from '../lib/venice/schemas/usage';
import type { VaultApi } from './vault-api';

export interface ManageApi extends Pick<VaultApi, 'status' | 'unlock' | 'importKey' | 'copy'> {
  /** The vault's status, then at once the list through its first ADMIN key (the page's first question, lib/manage/open.ts). */
  open(): Promise<OpenView>;
  list(adminId: string): Promise<{ keys: KeyRecord[]; paused: string[] }>;
  get(adminId: string, id: string): Promise<KeyRecord>;
  create(adminId: string, body: CreateKeyBody): Promise<CreateOutcomeView>;
  update(adminId: string, body: UpdateKeyBody): Promise<UpdatedKey>;
  pause(adminId: string, id: string): Promise<UpdatedKey>;
  resume(adminId: string, id: string): Promise<UpdatedKey>;
  revoke(adminId: string, key: Pick<KeyRecord, 'id' | 'last6Chars' | 'apiKeyType'>): Promise<{ marked: number }>;
  balance(adminId: string): Promise<BillingBalanceResponse>;
  rateLimitLog(adminId: string): Promise<RateLimitLogEntry[]>;
  /** The Usage section's routes (their contracts load with the section). */
  usageAnalytics(adminId: string, days: UsagePeriodDays): Promise<UsageAnalytics>;
  usageHistory(adminId: string, from: { days: UsagePeriodDays } | { cursor: string }): Promise<UsageHistoryPage>;
  usageCsv(adminId: string, days: UsagePeriodDays): Promise<{ csv: string; rows: number; complete: boolean }>;
}

export type UsagePeriodDays = 7 | 30 | 90;

/** The list the first question brought, for the ADMIN key it names: the keys, or the error. */
export type FirstList = FirstListOf<{ keys: KeyRecord[]; paused: string[] }>;
export interface OpenView { status: VaultStatusView; list: FirstList | null }

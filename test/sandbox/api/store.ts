// The sandbox's server-side state: accounts, keys, the rate-limit log and x402 balances.
// In memory, or persisted to a JSON file on every change (see README: the file holds the JWT secret
// and key hashes, never a key's secret itself).
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';

export type ApiKeyType = 'INFERENCE' | 'ADMIN';
export type LimitPeriod = 'EPOCH' | 'MONTH' | 'LIFETIME';
export type ModelPrivacy = 'ALL' | 'PRIVATE_TEXT' | 'PRIVATE_ONLY';
export interface Caps {
  usd: number | null;
  diem: number | null;
  vcu: number | null;
}
export interface UsageEvent {
  at: number;
  usd: number;
  diem: number;
  /** The model's API id (GET /billing/usage-analytics groups by it); absent in older state files. */
  model?: string;
  promptTokens?: number;
  completionTokens?: number;
  /** Unique within the sandbox, orders events recorded in the same millisecond (usage-history's cursor). */
  seq?: number;
}
export interface KeyRecord {
  id: string;
  accountId: string;
  secretHash: string;
  last6Chars: string;
  apiKeyType: ApiKeyType;
  description: string;
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  consumptionLimits: Caps;
  limitPeriod: LimitPeriod;
  modelPrivacy: ModelPrivacy;
  usage: UsageEvent[];
  /** false when a test has switched the key's access off (POST /__sandbox/keys/:ref/access). */
  accessPermitted: boolean;
}
export interface Account {
  id: string;
  wallet: string | null;
  createdAt: string;
  balances: { usd: number; diem: number; bundled: number };
  diemEpochAllocation: number;
}
export interface BreachEntry {
  accountId: string;
  apiKeyId: string;
  modelId: string;
  rateLimitTier: string;
  rateLimitType: 'RPD' | 'RPM' | 'TPM' | 'FAILED_REQUESTS' | 'UNSUPPORTED_FEATURE_REQUESTS';
  timestamp: string;
}
export interface StateData {
  version: 1;
  jwtSecret: string;
  accounts: Record<string, Account>;
  /** lower-cased wallet address -> account id */
  wallets: Record<string, string>;
  keys: Record<string, KeyRecord>;
  rateLimitLog: BreachEntry[];
  /** lower-cased wallet address -> x402 credit in USD */
  x402: Record<string, number>;
}

export const MAX_LOG_ENTRIES = 50;

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

function freshState(): StateData {
  return { version: 1, jwtSecret: randomBytes(32).toString('base64url'), accounts: {}, wallets: {}, keys: {}, rateLimitLog: [], x402: {} };
}

export class Store {
  data: StateData;

  constructor(readonly file?: string) {
    this.data = file && existsSync(file) ? Store.read(file) : freshState();
    this.save();
  }

  private static read(file: string): StateData {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<StateData>;
    if (parsed.version !== 1 || typeof parsed.jwtSecret !== 'string') throw new Error(`${file} is not a sandbox state file`);
    return { ...freshState(), ...parsed } as StateData;
  }

  /** Persists the state (no-op in memory mode). Written to a temp file then renamed: never half-written. */
  save(): void {
    if (!this.file) return;
    const temp = `${this.file}.tmp`;
    writeFileSync(temp, `${JSON.stringify(this.data, null, 2)}\n`, { mode: 0o600 });
    renameSync(temp, this.file);
  }

  accountForWallet(wallet: string, init: () => Omit<Account, 'id' | 'wallet' | 'createdAt'>, now: string): Account {
    const existing = this.data.wallets[wallet.toLowerCase()];
    const account = existing ? this.data.accounts[existing] : undefined;
    if (account) return account;
    const created: Account = { id: crypto.randomUUID(), wallet: wallet.toLowerCase(), createdAt: now, ...init() };
    this.data.accounts[created.id] = created;
    this.data.wallets[wallet.toLowerCase()] = created.id;
    this.save();
    return created;
  }

  account(id: string): Account | undefined {
    return this.data.accounts[id];
  }

  keysOf(accountId: string): KeyRecord[] {
    return Object.values(this.data.keys).filter((key) => key.accountId === accountId);
  }

  keyBySecret(secret: string): KeyRecord | undefined {
    const hash = hashSecret(secret);
    return Object.values(this.data.keys).find((key) => key.secretHash === hash);
  }

  /** By id, or by the last six characters when they are unambiguous. */
  keyByRef(ref: string): KeyRecord | undefined {
    const byId = this.data.keys[ref];
    if (byId) return byId;
    const matches = Object.values(this.data.keys).filter((key) => key.last6Chars === ref);
    return matches.length === 1 ? matches[0] : undefined;
  }

  addKey(key: KeyRecord): void {
    this.data.keys[key.id] = key;
    this.save();
  }

  removeKey(id: string): boolean {
    if (!this.data.keys[id]) return false;
    delete this.data.keys[id];
    this.save();
    return true;
  }

  logBreach(entry: BreachEntry): void {
    this.data.rateLimitLog.unshift(entry);
    const ofAccount = this.data.rateLimitLog.filter((item) => item.accountId === entry.accountId);
    if (ofAccount.length > MAX_LOG_ENTRIES) {
      const drop = new Set(ofAccount.slice(MAX_LOG_ENTRIES));
      this.data.rateLimitLog = this.data.rateLimitLog.filter((item) => !drop.has(item));
    }
    this.save();
  }
}

export function isActive(key: KeyRecord, now: number): boolean {
  return key.expiresAt === null || Date.parse(key.expiresAt) > now;
}

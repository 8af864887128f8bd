// The popup reads stored values with hand checks (issue 16: no zod in the popup). Each must give
// the answer of the zod schema the background reads the same value with, on a valid value and on
// every one-field change of it (./mutations.ts), so the two cannot drift apart unnoticed.
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { optionProblems } from '../../../lib/mint/options-plain';
import { MintOptionsSchema } from '../../../lib/mint/options';
import { readMintState } from '../../../lib/mint/state-check';
import { parseMintState, type MintState } from '../../../lib/mint/state';
import { ReplyEnvelopeSchema } from '../../../lib/messaging/protocol';
import { readReply } from '../../../lib/messaging/wire';
import { STORE_BUILD } from '../../../lib/settings/build-policy';
import { DEFAULT_SETTINGS } from '../../../lib/settings/schema';
import { storedTimings } from '../../../lib/settings/stored-timings';
import { parseStoredSettings } from '../../../lib/settings/validate';
import { PollEntrySchema } from '../../../lib/toolbar/cache';
import { pollEntryOf } from '../../../lib/toolbar/poll-entry-check';
import { StoredRecordSchema } from '../../../lib/vault/record';
import { storedRecordMeta } from '../../../lib/vault/record-check';
import { mutations } from './mutations';

/** The labels of the values on which `hand` and `schema` disagree. */
function disagreements(valid: unknown, hand: (v: unknown) => unknown, schema: (v: unknown) => unknown): string[] {
  const out: string[] = [];
  for (const [label, value] of mutations(valid)) {
    const [a, b] = [hand(value), schema(value)];
    try {
      expect(a).toEqual(b);
    } catch {
      out.push(`${label}: hand ${JSON.stringify(a)} vs schema ${JSON.stringify(b)}`);
    }
  }
  return out;
}

const RECORD = {
  id: '11111111-1111-4111-8111-111111111111',
  veniceId: 'venice-key-1',
  last6: 'aaaaaa',
  type: 'INFERENCE',
  description: 'Laptop',
  source: 'minted',
  walletAddress: `0x${'ab'.repeat(20)}`,
  apiBaseUrl: 'https://api.venice.ai/api/v1',
  createdAt: '2025-06-01T00:00:00.000Z',
  limits: { usd: 10, diem: null },
  limitPeriod: 'MONTH',
  modelPrivacy: 'ALL',
  expiresAt: '2030-01-31',
  secret: { v: 2, iv: 'AAAA', ct: 'AAAA+/==' },
};

const LIMITS = {
  accessPermitted: true,
  apiTier: { id: 'paid', isCharged: true },
  balances: { USD: 12.5, DIEM: 1.25, BUNDLED_CREDITS: 0 },
  keyExpiration: null,
  nextEpochBegins: '2025-06-02T00:00:00.000Z',
  rateLimits: [{ apiModelId: 'qwen3-4b', rateLimits: [{ type: 'RPM', amount: 500 }] }],
};
const ENTRY = { status: 'error', attemptedAt: 1, fetchedAt: 0, limits: LIMITS, error: { code: 'X', message: 'm', action: 'retry' }, failures: 2 };

const SETTINGS = { ...DEFAULT_SETTINGS, pollMinutes: 2, autoLockMinutes: 60, clipboardClearSeconds: 12, activeKeyId: 'key-1' };

const OPTIONS = {
  apiKeyType: 'ADMIN',
  description: 'Venice Key Wallet 2030-01-01',
  expiresAt: '2030-01-31',
  consumptionLimit: { usd: 12.5, diem: null, vcu: 0 },
  limitPeriod: 'MONTH',
  modelPrivacy: 'PRIVATE_TEXT',
};

const CTX = {
  address: `0x${'cd'.repeat(20)}`,
  wallet: 'io.metamask',
  wallets: [
    { id: 'io.metamask', name: 'MetaMask', rdns: 'io.metamask' },
    // Two wallets that look alike are listed by their uuids, marked (issue 13).
    { id: '0b6c3bde-6f4a-4f3e-9a59-1c2d3e4f5a6b', name: 'Rabby', rdns: 'io.rabby', lookAlike: true },
    { id: '7d9e0f1a-2b3c-4d5e-8f6a-7b8c9d0e1f2a', name: 'Rabby', rdns: 'io.rabby', lookAlike: true },
    // A page wallet's own icon, shown beside its name and rdns.
    { id: 'io.rainbow', name: 'Rainbow', rdns: 'io.rainbow', icon: 'data:image/png;base64,iVBORw0KGgo=' },
  ],
  eligibility: { staked: '100', liquid: '0', eligible: true, reason: 'none' },
  options: OPTIONS,
};
const base = { flowId: 'flow-1', updatedAt: 5, ctx: CTX };
const KEY = { recordId: 'rec-1', veniceId: 'v-1', last6: 'abcdef', apiKeyType: 'INFERENCE', description: 'd' };
const ERROR = { code: 'JWT_EXPIRED', message: 'The token expired.', action: 'new_token', detail: 'x' };
const STATES: MintState[] = [
  { ...base, status: 'idle' },
  { ...base, status: 'needs-unlock', vault: 'locked', resume: 'ready' },
  { ...base, status: 'connecting', walletId: 'io.metamask' },
  { ...base, status: 'ready', tokenExpiresAt: 10 },
  { ...base, status: 'awaiting-signature', attempt: 2 },
  { ...base, status: 'minting', attempt: 1 },
  { ...base, status: 'saved', key: KEY },
  { ...base, status: 'saved-unstored', key: KEY, error: ERROR },
  { ...base, status: 'failed', error: ERROR, from: 'minting' },
] as MintState[];

describe('the popup hand checks give the zod schemas\' answers', () => {
  it('a stored key record (vault/record-check.ts vs StoredRecordSchema)', () => {
    const schema = (v: unknown) => {
      const parsed = StoredRecordSchema.safeParse(v);
      if (!parsed.success) return null;
      const { secret: _secret, ...meta } = parsed.data;
      return meta;
    };
    expect(disagreements(RECORD, storedRecordMeta, schema)).toEqual([]);
    const { limits: _l, expiresAt: _e, veniceId: _v, walletAddress: _w, limitPeriod: _p, modelPrivacy: _m, ...bare } = RECORD;
    expect(disagreements(bare, storedRecordMeta, schema)).toEqual([]);
  });

  it('a cached poll (toolbar/poll-entry-check.ts vs PollEntrySchema)', () => {
    const schema = (v: unknown) => PollEntrySchema.safeParse(v).success;
    const hand = (v: unknown) => pollEntryOf(v) !== null;
    expect(disagreements(ENTRY, hand, schema)).toEqual([]);
    expect(disagreements({ ...ENTRY, limits: null, error: null }, hand, schema)).toEqual([]);
  });

  it('the four settings of the first paint (settings/stored-timings.ts vs parseStoredSettings)', () => {
    const schema = (v: unknown) => {
      const { pollMinutes, autoLockMinutes, clipboardClearSeconds, activeKeyId } = parseStoredSettings(v, STORE_BUILD);
      return { pollMinutes, autoLockMinutes, clipboardClearSeconds, activeKeyId };
    };
    expect(disagreements(SETTINGS, storedTimings, schema)).toEqual([]);
  });

  it('the mint options and the fields they refuse (mint/options-plain.ts vs MintOptionsSchema)', () => {
    const schema = (v: unknown) => {
      const parsed = MintOptionsSchema.safeParse(v);
      return parsed.success ? [] : [...new Set(parsed.error.issues.map((i) => i.path.map(String).join('.') || '(options)'))].sort();
    };
    const hand = (v: unknown) => [...new Set(optionProblems(v))].sort();
    expect(disagreements(OPTIONS, hand, schema)).toEqual([]);
    expect(disagreements({ apiKeyType: 'INFERENCE' }, hand, schema)).toEqual([]);
  });

  it.each(STATES.map((s) => [s.status, s] as const))('the mint flow in state %s (mint/state-check.ts vs parseMintState)', (_status, state) => {
    expect(parseMintState(state)).toEqual(state);
    expect(disagreements(state, readMintState, parseMintState)).toEqual([]);
  });

  it('a reply envelope (messaging/wire.ts readReply vs ReplyEnvelopeSchema)', () => {
    const schema = (v: unknown) => {
      const parsed = z.safeParse(ReplyEnvelopeSchema, v);
      return parsed.success ? parsed.data : null;
    };
    expect(disagreements({ ok: true, output: { a: 1 } }, readReply, schema)).toEqual([]);
    expect(disagreements({ ok: false, error: { code: 'X', message: 'm', action: 'retry', detail: 'd' } }, readReply, schema)).toEqual([]);
  });
});

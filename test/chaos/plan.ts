// What one chaos attempt does: the faults it draws (each kind with its own chance) and when the
// timed ones strike, in ms after the Mint click. Pure: the same seed and attempt give the same plan.
import type { FaultSpec } from '../sandbox/index';
import { type Rng, between, chance, pick } from './random';

export const FAULT_KINDS = [
  'latency',
  'status',
  'malformed',
  'truncated',
  'drop-before',
  'drop-after',
  'rpc',
  'token-expiry',
  'wallet-reject',
  'wallet-stall',
  'worker-stop',
  'popup-reopen',
  'second-click',
  'storage-full',
  'vault-lock',
] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

const MINT_PATH = '/api_keys/generate_web3_key';
const STATUSES = [400, 401, 402, 403, 404, 429, 500, 502, 503, 504] as const;

export interface Plan {
  attempt: number;
  kinds: FaultKind[];
  /** Added to the sandbox just before the click. */
  api: FaultSpec[];
  /** The sandbox clock jumps past the token's 15 minutes at this time (0 = before the click). */
  tokenExpiryAt?: number;
  wallet: { mode: 'approve' | 'decline'; delayMs: number };
  workerStop?: { at: number; wakeAfter: number };
  popupReopen?: { at: number; closedFor: number };
  secondClickAt?: number;
  /** storage.local is filled to its quota before the click, and freed once the flow has ended. */
  storageFull: boolean;
  vaultLockAt?: number;
  /** What the person does with a key shown once: copy it, or free space and try saving again. */
  unstored: 'copy' | 'retry';
  /** The account's DIEM balance set for this attempt (the badge must show it after the next poll). */
  diem: number;
}

/** Each kind's chance per attempt: about 2.5 faults an attempt, some attempts clean. */
const CHANCE: Record<FaultKind, number> = {
  latency: 0.3,
  status: 0.15,
  malformed: 0.12,
  truncated: 0.12,
  'drop-before': 0.1,
  'drop-after': 0.12,
  rpc: 0.1,
  'token-expiry': 0.15,
  'wallet-reject': 0.1,
  'wallet-stall': 0.15,
  'worker-stop': 0.2,
  'popup-reopen': 0.2,
  'second-click': 0.25,
  'storage-full': 0.15,
  'vault-lock': 0.12,
};

export function drawPlan(rng: Rng, attempt: number): Plan {
  const kinds = FAULT_KINDS.filter((kind) => chance(rng, CHANCE[kind]));
  const has = (kind: FaultKind) => kinds.includes(kind);
  const method = () => (chance(rng, 0.8) ? 'POST' : 'GET');
  const api: FaultSpec[] = [];
  if (has('latency')) api.push({ kind: 'latency', ms: between(rng, 100, 2500), path: pick(rng, [MINT_PATH, '/api_keys/rate_limits']) });
  if (has('status')) api.push({ kind: 'status', status: pick(rng, STATUSES), count: 1, method: method(), path: MINT_PATH });
  if (has('malformed')) api.push({ kind: 'malformed', count: 1, method: method(), path: MINT_PATH });
  if (has('truncated')) api.push({ kind: 'truncated', count: 1, method: method(), path: MINT_PATH });
  if (has('drop-before')) api.push({ kind: 'drop', when: 'before', count: 1, method: method(), path: MINT_PATH });
  if (has('drop-after')) api.push({ kind: 'drop', when: 'after', count: 1, method: 'POST', path: MINT_PATH });
  if (has('rpc')) api.push({ kind: 'rpc', count: between(rng, 1, 2) });
  return {
    attempt,
    kinds,
    api,
    tokenExpiryAt: has('token-expiry') ? pick(rng, [0, between(rng, 50, 1500)]) : undefined,
    wallet: { mode: has('wallet-reject') ? 'decline' : 'approve', delayMs: has('wallet-stall') ? between(rng, 500, 6000) : 0 },
    workerStop: has('worker-stop') ? { at: between(rng, 0, 2500), wakeAfter: between(rng, 0, 2000) } : undefined,
    popupReopen: has('popup-reopen') ? { at: between(rng, 0, 2500), closedFor: between(rng, 0, 1500) } : undefined,
    secondClickAt: has('second-click') ? between(rng, 0, 1500) : undefined,
    storageFull: has('storage-full'),
    vaultLockAt: has('vault-lock') ? between(rng, 0, 3000) : undefined,
    unstored: pick(rng, ['copy', 'retry'] as const),
    diem: between(rng, 20, 990) / 10,
  };
}

/** One line a person can read: which faults, and when. */
export function describePlan(plan: Plan): string {
  const parts: string[] = plan.api.map((f) => JSON.stringify(f));
  if (plan.tokenExpiryAt !== undefined) parts.push(`token expires at +${plan.tokenExpiryAt} ms`);
  if (plan.wallet.mode === 'decline' || plan.wallet.delayMs) parts.push(`wallet ${plan.wallet.mode} after ${plan.wallet.delayMs} ms`);
  if (plan.workerStop) parts.push(`worker stopped at +${plan.workerStop.at} ms, woken ${plan.workerStop.wakeAfter} ms later`);
  if (plan.popupReopen) parts.push(`popup closed at +${plan.popupReopen.at} ms for ${plan.popupReopen.closedFor} ms`);
  if (plan.secondClickAt !== undefined) parts.push(`second click at +${plan.secondClickAt} ms`);
  if (plan.storageFull) parts.push(`storage.local full until the flow ends (then ${plan.unstored})`);
  if (plan.vaultLockAt !== undefined) parts.push(`vault locked at +${plan.vaultLockAt} ms`);
  return parts.length ? parts.join('; ') : 'no fault';
}

/**
 * The steps the runner performs when the flow enters a state: connect the wallet
 * and read eligibility, get a signature, send the mint request once, save the key.
 * Each step reports its outcome as an event; `guard` drops the outcome of a step
 * the person has cancelled or replaced in the meantime.
 */
import { appError, toAppError } from '../errors';
import type { MintDeps, MintedKey, SaveMeta, Timers } from './deps';
import { mintFailure, signInterrupted, walletTimeout } from './errors';
import type { MintEvent } from './events';
import type { MintOptions } from './options';
import { defaultOptions, SERVER_DEFAULT_DESCRIPTION } from './options-plain';
import type { Eligibility, MintState, KeySummary, StateOf } from './state';
import { withTimeout } from './timeout';
import type { TokenCache } from './token';

export interface StepContext {
  deps: MintDeps;
  tokens: TokenCache;
  timers: Timers;
  walletMs: number;
  chainMs: number;
  /** Applies an event; with `guard`, only if no other transition happened since that epoch. */
  apply(event: MintEvent, guard?: number): Promise<MintState | undefined>;
  epoch(): number;
  /** Keeps an unsaved key in memory (never in storage) until it is saved or dismissed. */
  keepUnstored(secret: string, meta: SaveMeta): void;
  watchAccounts(): void;
}

const minutes = (ms: number) => Math.max(1, Math.round(ms / 60_000));

async function readEligibility(ctx: StepContext, address: string): Promise<Eligibility> {
  try {
    const read = await withTimeout(ctx.deps.chain.readEligibility(address), ctx.chainMs, () => appError('RPC_UNREACHABLE'), ctx.timers);
    return { staked: read.staked.toString(), liquid: read.liquid.toString(), eligible: read.eligible, reason: read.reason };
  } catch {
    // An unreachable RPC is a warning: Venice checks the stake itself when minting.
    return { staked: '0', liquid: '0', eligible: false, reason: 'rpc-unreachable' };
  }
}

export async function connectStep(ctx: StepContext, guard: number, walletId: string | undefined): Promise<void> {
  try {
    const connection = await withTimeout(ctx.deps.wallet.connect(walletId), ctx.walletMs, () => walletTimeout(minutes(ctx.walletMs)), ctx.timers);
    if ('choose' in connection) {
      await ctx.apply({ type: 'CHOOSE_WALLET', wallets: connection.choose, lookAlike: connection.lookAlike }, guard);
      return;
    }
    ctx.watchAccounts();
    const eligibility = await readEligibility(ctx, connection.address);
    let tokenExpiresAt: number | undefined;
    try {
      tokenExpiresAt = (await ctx.tokens.fresh()).expiresAt;
    } catch {
      // Fetched again at the Mint click, which reports the error if it persists.
    }
    await ctx.apply(
      {
        type: 'CONNECTED',
        address: connection.address,
        wallet: connection.wallet.id,
        wallets: connection.wallets,
        eligibility,
        tokenExpiresAt,
      },
      guard,
    );
  } catch (error) {
    await ctx.apply({ type: 'FAILED', error: toAppError(error) }, guard);
  }
}

export async function signStep(ctx: StepContext, guard: number, state: StateOf<'awaiting-signature'>): Promise<void> {
  const address = state.ctx.address;
  let token: string;
  let signature: string;
  try {
    if (!address) throw appError('WALLET_NOT_FOUND');
    if (state.attempt === 2) ctx.tokens.drop();
    token = (await ctx.tokens.fresh()).token;
    if (ctx.epoch() !== guard) return;
    signature = await withTimeout(ctx.deps.wallet.sign(token, address, state.ctx.wallet), ctx.walletMs, () => walletTimeout(minutes(ctx.walletMs)), ctx.timers);
  } catch (error) {
    await ctx.apply({ type: 'FAILED', error: toAppError(error) }, guard);
    return;
  } finally {
    ctx.tokens.drop(); // a token serves one signature at most
  }
  const minting = await ctx.apply({ type: 'SIGNED' }, guard);
  if (minting?.status !== 'minting') return; // cancelled meanwhile: nothing is sent
  await mintStep(ctx, minting, { address, token, signature });
}

/**
 * After a worker restart in awaiting-signature: the signature request the old worker sent may
 * still be held by the wallet (the direct path's host outlives the worker). The flow waits for
 * its answer and mints with it, once; with nothing to resume it fails as any interrupted step.
 */
export async function resumeStep(ctx: StepContext, guard: number, state: StateOf<'awaiting-signature'>): Promise<void> {
  const address = state.ctx.address;
  let held: { message: string; signature: string } | undefined;
  try {
    if (!address || !ctx.deps.wallet.resume) throw signInterrupted();
    held = await withTimeout(ctx.deps.wallet.resume(address, state.ctx.wallet), ctx.walletMs, () => walletTimeout(minutes(ctx.walletMs)), ctx.timers);
    if (!held) throw signInterrupted();
  } catch (error) {
    await ctx.apply({ type: 'FAILED', error: toAppError(error) }, guard);
    return;
  }
  const minting = await ctx.apply({ type: 'SIGNED' }, guard);
  if (minting?.status !== 'minting') return; // cancelled meanwhile: nothing is sent
  await mintStep(ctx, minting, { address, token: held.message, signature: held.signature });
}

async function mintStep(ctx: StepContext, state: StateOf<'minting'>, signed: { address: string; token: string; signature: string }) {
  const options: MintOptions = state.ctx.options ?? defaultOptions(ctx.deps.now());
  let minted: MintedKey;
  try {
    minted = await ctx.deps.client.mintWeb3Key({ ...options, ...signed });
  } catch (error) {
    await ctx.apply({ type: 'MINT_FAILED', error: mintFailure(error) });
    return;
  }
  await saveStep(ctx, minted, options, signed.address);
}

async function saveStep(ctx: StepContext, minted: MintedKey, options: MintOptions, address: string) {
  const description = options.description ?? minted.description ?? SERVER_DEFAULT_DESCRIPTION;
  const meta: SaveMeta = {
    veniceId: minted.id,
    apiKeyType: minted.apiKeyType,
    description,
    walletAddress: address,
    limits: { usd: options.consumptionLimit?.usd, diem: options.consumptionLimit?.diem },
    limitPeriod: options.limitPeriod,
    modelPrivacy: options.modelPrivacy,
    expiresAt: minted.expiresAt || null,
    createdAt: new Date(ctx.deps.now()).toISOString(),
  };
  const summary: KeySummary = { veniceId: minted.id, last6: minted.apiKey.slice(-6), apiKeyType: minted.apiKeyType, description };
  await saveOrKeep(ctx, meta, minted.apiKey, summary);
}

/** Saves through the vault before any state shows the key; on failure keeps it in memory only. */
export async function saveOrKeep(ctx: StepContext, meta: SaveMeta, secret: string, summary: KeySummary): Promise<void> {
  let saved: { id: string; last6: string };
  try {
    saved = await ctx.deps.vault.saveKey(meta, secret);
  } catch (error) {
    ctx.keepUnstored(secret, meta);
    await ctx.apply({ type: 'SAVE_FAILED', key: summary, error: toAppError(error) });
    return;
  }
  await ctx.apply({ type: 'SAVED', key: { ...summary, recordId: saved.id, last6: saved.last6 } });
}

/**
 * Runs the mint flow in the background: applies events to the persisted state
 * one at a time (./machine.ts decides), and starts the step each new state calls
 * for (./steps.ts). A click while a step is in progress joins it: at most one mint
 * request per signature, at most one signature per Mint click (plus the single
 * automatic renewal after "JWT has expired").
 */
import { serialQueue } from '../async/serial';
import { AppException, appError } from '../errors';
import { DEFAULT_CHAIN_MS, DEFAULT_WALLET_MS, KEEP_ALIVE_MS, type MintDeps, type SaveMeta } from './deps';
import type { MintEvent } from './events';
import { reduce } from './machine';
import { MintOptionsSchema, type MintOptions } from './options';
import { isBusy, type MintState } from './state';
import { connectStep, resumeStep, saveOrKeep, signStep, type StepContext } from './steps';
import { globalTimers } from './timeout';
import { createTokenCache, REFRESH_MARGIN_MS } from './token';


export function createMintRunner(deps: MintDeps) {
  const timers = deps.timers ?? globalTimers;
  const newId = deps.newId ?? (() => crypto.randomUUID());
  const newTokenCache = () => createTokenCache(async () => ({ token: await deps.client.getWeb3Token() }), deps.now);
  let epoch = 0;
  let flowSeen: string | undefined;
  /** A minted key the vault could not store; `shown` once the popup revealed it. */
  let unstored: { secret: string; meta: SaveMeta; shown: boolean } | undefined;
  let resaving: Promise<void> | undefined;
  let unwatchAccounts: (() => void) | undefined;
  let refreshTimer: unknown;
  let keepAliveTimer: unknown;

  /** Runs `task` after every earlier one: two clicks never read the same state. */
  const serial = serialQueue();

  async function applyNow(event: MintEvent, guard?: number): Promise<MintState | undefined> {
    if (guard !== undefined && guard !== epoch) return undefined;
    const prev = await deps.storage.get();
    const reduced = reduce(prev, event);
    if (reduced === prev) return prev;
    const next = { ...reduced, updatedAt: deps.now() } as MintState;
    await deps.storage.set(next);
    epoch += 1;
    react(next);
    return next;
  }
  const apply = (event: MintEvent, guard?: number) => serial(() => applyNow(event, guard));

  const ctx: StepContext = {
    deps,
    tokens: newTokenCache(),
    timers,
    walletMs: deps.limits?.walletMs ?? DEFAULT_WALLET_MS,
    chainMs: deps.limits?.chainMs ?? DEFAULT_CHAIN_MS,
    apply,
    epoch: () => epoch,
    keepUnstored: (secret, meta) => {
      unstored = { secret, meta, shown: unstored?.secret === secret && unstored.shown };
    },
    watchAccounts: () => {
      unwatchAccounts ??= deps.wallet.onAccountsChanged((address) => void apply({ type: 'ACCOUNT_CHANGED', address }));
    },
  };

  /** A new flow gets its own settings snapshot (deps.beginFlow) and token cache: nothing carries over from another API. */
  function enterFlow(state: MintState): void {
    if (state.flowId === flowSeen) return;
    flowSeen = state.flowId;
    deps.beginFlow?.(state.flowId);
    ctx.tokens = newTokenCache();
  }

  /** Starts what the new state calls for. Steps run outside the queue and report back through it. */
  function react(state: MintState): void {
    enterFlow(state);
    keepTokenFresh(state);
    keepAlive(isBusy(state));
    if (state.status === 'connecting') void connectStep(ctx, epoch, state.walletId);
    if (state.status === 'awaiting-signature') void signStep(ctx, epoch, state);
    if (state.status === 'saved') {
      void Promise.resolve(deps.poller.pollNow()).catch(() => undefined);
      void Promise.resolve(deps.wallet.release?.()).catch(() => undefined);
    }
    if (state.status !== 'saved-unstored') unstored = undefined;
  }

  function keepTokenFresh(state: MintState): void {
    timers.clearTimeout(refreshTimer);
    refreshTimer = undefined;
    if (state.status !== 'ready') return;
    const held = ctx.tokens.current();
    if (!held) {
      ctx.tokens.fresh().then(
        (fresh) => apply({ type: 'TOKEN_REFRESHED', expiresAt: fresh.expiresAt }),
        () => undefined, // the Mint click fetches again and reports a lasting failure
      );
      return;
    }
    const wait = Math.max(1_000, held.expiresAt - REFRESH_MARGIN_MS - deps.now() + 1_000);
    refreshTimer = timers.setTimeout(() => void serial(async () => keepTokenFresh(await deps.storage.get())), wait);
  }

  function keepAlive(on: boolean): void {
    if (!on || !deps.keepAlive) {
      timers.clearTimeout(keepAliveTimer);
      keepAliveTimer = undefined;
      return;
    }
    if (keepAliveTimer !== undefined) return;
    const tick = () => {
      void Promise.resolve(deps.keepAlive?.()).catch(() => undefined);
      keepAliveTimer = timers.setTimeout(tick, KEEP_ALIVE_MS);
    };
    keepAliveTimer = timers.setTimeout(tick, KEEP_ALIVE_MS);
  }

  const checkedOptions = (input: unknown): MintOptions => {
    const parsed = MintOptionsSchema.safeParse(input);
    if (!parsed.success) {
      throw new AppException(appError('INVALID_REQUEST', parsed.error.issues.map((i) => i.path.join('.')).join(', ')));
    }
    return parsed.data;
  };

  return {
    /**
     * Call once when the background starts: a step whose promise died with the old
     * service worker ends cleanly (a mint in flight is never re-sent). A signature the
     * wallet may still hold is resumed instead (./steps.ts resumeStep), when the wallet port can.
     */
    restore: () =>
      serial(async () => {
        const before = await deps.storage.get();
        if (before.status === 'awaiting-signature' && deps.wallet.resume) {
          enterFlow(before);
          keepAlive(true);
          void resumeStep(ctx, epoch, before);
          return before;
        }
        const state = (await applyNow({ type: 'RESTORED' })) ?? (await deps.storage.get());
        enterFlow(state);
        if (state.status === 'ready') keepTokenFresh(state);
        return state;
      }),
    /** The current state; in `ready`, also makes sure a fresh token is held. */
    get: () =>
      serial(async () => {
        const state = await deps.storage.get();
        enterFlow(state);
        if (state.status === 'ready' && !ctx.tokens.current()) keepTokenFresh(state);
        return state;
      }),
    /** Connect: from idle, failed or saved; any other state is returned as is (the click joins it). */
    start: (options?: unknown) =>
      serial(async () => {
        const checked = options === undefined ? undefined : checkedOptions(options);
        const vault = await deps.vault.status();
        return (await applyNow({ type: 'START', flowId: newId(), vault, options: checked })) ?? deps.storage.get();
      }),
    /** The Mint click: only from ready (or after an unlock); otherwise the current state. */
    confirm: (options: unknown) =>
      serial(async () => {
        const checked = checkedOptions(options);
        const vault = await deps.vault.status();
        return (await applyNow({ type: 'CONFIRM', options: checked, vault })) ?? deps.storage.get();
      }),
    selectWallet: (walletId: string) => apply({ type: 'SELECT_WALLET', walletId }).then((s) => s ?? deps.storage.get()),
    cancel: () => apply({ type: 'CANCEL' }).then((s) => s ?? deps.storage.get()),
    /** From failed: back to ready with a fresh token (or reconnect). From saved-unstored: try saving again. */
    retry: () =>
      serial(async () => {
        const state = await deps.storage.get();
        if (state.status === 'saved-unstored' && unstored) {
          const { secret, meta } = unstored;
          // Outside the queue (saveOrKeep applies its outcome through it); one save at a time.
          resaving ??= saveOrKeep(ctx, meta, secret, state.key).finally(() => {
            resaving = undefined;
          });
          return state;
        }
        return (await applyNow({ type: 'RETRY' })) ?? state;
      }),
    /** The unsaved key, for the popup to show once; undefined in any other state. */
    reveal: () =>
      serial(async () => {
        if ((await deps.storage.get()).status !== 'saved-unstored' || !unstored) return undefined;
        unstored.shown = true;
        return unstored.secret;
      }),
    /**
     * Call when the vault locks: an unsaved key the person was already shown is dropped from
     * memory (the flow fails, telling them to revoke it if they did not copy it). One never
     * shown is kept, so locking cannot lose a key nobody saw.
     */
    onVaultLocked: () =>
      serial(async () => {
        if (unstored?.shown) await applyNow({ type: 'UNSTORED_DROPPED' });
      }),
  };
}

// One chaos attempt: the flow brought to `ready`, the plan's faults armed, one Mint click, the
// timed faults fired around it, then a wait for the flow to settle (at most BOUND_MS), and a key
// shown once handled as the person would (copy it, or free space and try saving again).
import { BUSY, clickMint, fillStorage, type FlowState, freeStorage, openPopup, SETTLED, sleep, storedFlow, toReady, unlockVault } from './flow';
import type { Plan } from './plan';
import type { World } from './world';

/** A flow must settle (end, or wait for the person) within this long after the click. */
export const BOUND_MS = 30_000;
const TOKEN_LIFETIME_MS = 16 * 60_000;

export interface Before {
  keyIds: Set<string>;
  signs: number;
  mintPosts: number;
}

export interface Outcome {
  /** The state once everything the plan did is over (and a key shown once was dealt with). */
  final: FlowState;
  /** The first settled state seen after the click. */
  settled?: FlowState;
  msToSettled?: number;
  stuck: boolean;
  /** The click never moved the flow out of `ready` (e.g. the popup closed first). */
  clickLost: boolean;
  /** The key the popup showed once with Copy and its warning: its secret and what was done with it. */
  shownOnce?: { secret: string; warned: boolean; resolved: 'copy' | 'retry' };
  notes: string[];
}

/** Puts the world back to a known start: no fault, the sandbox clock at 0, the vault unlocked, the flow ready. */
export async function prepare(world: World, plan: Plan): Promise<Before> {
  const { sandbox, wallet } = world;
  sandbox.faults.clear();
  sandbox.requests.clear();
  sandbox.clock.setOffset(0);
  await world.control('POST', '/limits/reset');
  wallet.signMode = 'approve';
  wallet.delayMs = 0;
  await freeStorage(world);
  await unlockVault(world);
  await world.control('POST', `/accounts/${sandbox.wallets.staked.address}/balance`, { diem: plan.diem, usd: 0, bundled: 0 });
  await toReady(world);
  await popupShows(world, '[data-testid="mint-panel"][data-status="ready"] [data-testid="mint-button"]:not([disabled])');
  return { keyIds: new Set(Object.keys(sandbox.state.data.keys)), signs: wallet.signLog.length, mintPosts: world.mintPosts };
}

/** Waits for `selector` in the popup; if it is not there soon, opens the popup again (as a person would) and waits longer. */
async function popupShows(world: World, selector: string): Promise<boolean> {
  for (const timeout of [8_000, 15_000]) {
    const popup = await openPopup(world);
    if (await popup.locator(selector).first().waitFor({ timeout }).then(() => true, () => false)) return true;
    await popup.close().catch(() => undefined);
    world.popup = undefined;
  }
  return false;
}

async function timed(at: number, action: () => Promise<unknown>, notes: string[], name: string): Promise<void> {
  await sleep(at);
  await action().catch((error: unknown) => notes.push(`${name}: ${(error as Error).message.split('\n')[0]}`));
}

export async function runAttempt(world: World, plan: Plan): Promise<Outcome> {
  const { sandbox, wallet, h } = world;
  const notes: string[] = [];
  for (const spec of plan.api) sandbox.faults.add(spec);
  if (plan.storageFull) await fillStorage(world);
  if (plan.tokenExpiryAt === 0) sandbox.clock.advance(TOKEN_LIFETIME_MS);
  wallet.signMode = plan.wallet.mode;
  wallet.delayMs = plan.wallet.delayMs;

  const popup = await openPopup(world);
  const t0 = Date.now();
  if (!(await clickMint(popup))) notes.push('no Mint button at the click');

  const actions: Promise<void>[] = [];
  if (plan.secondClickAt !== undefined) {
    actions.push(timed(plan.secondClickAt, async () => clickMint(await openPopup(world)), notes, 'second click'));
  }
  if (plan.workerStop) {
    const { at, wakeAfter } = plan.workerStop;
    actions.push(timed(at, async () => {
      await h.stopServiceWorker();
      await sleep(wakeAfter);
      await world.send('mint.get'); // what a reopened popup does first: it wakes the worker
    }, notes, 'worker stop'));
  }
  if (plan.popupReopen) {
    const { at, closedFor } = plan.popupReopen;
    actions.push(timed(at, async () => {
      await world.popup?.close();
      world.popup = undefined;
      await sleep(closedFor);
      await openPopup(world);
    }, notes, 'popup reopen'));
  }
  if (plan.vaultLockAt !== undefined) actions.push(timed(plan.vaultLockAt, () => world.send('vault.lock'), notes, 'vault lock'));
  if (plan.tokenExpiryAt) actions.push(timed(plan.tokenExpiryAt, async () => sandbox.clock.advance(TOKEN_LIFETIME_MS), notes, 'token expiry'));
  let actionsDone = false;
  const allActions = Promise.all(actions).then(() => {
    actionsDone = true;
  });

  let settled: FlowState | undefined;
  let msToSettled: number | undefined;
  let leftReady = false;
  let clickLost = false;
  let state: FlowState = { status: 'ready' };
  for (;;) {
    const elapsed = Date.now() - t0;
    state = await storedFlow(world).catch(() => state);
    if (state.status !== 'ready') leftReady = true;
    if (!settled && SETTLED.has(state.status)) {
      settled = state;
      msToSettled = elapsed;
    }
    if (!leftReady && elapsed > 5_000 && actionsDone) {
      clickLost = true;
      break;
    }
    if (settled && actionsDone) break;
    if (elapsed > BOUND_MS && actionsDone) break;
    await sleep(100);
  }
  await allActions;
  await sleep(300);
  let final = await storedFlow(world);
  const stuck = settled === undefined && !clickLost;
  if (stuck) notes.push(`still "${final.status}" ${BOUND_MS} ms after the click`);
  if (settled && BUSY.has(final.status)) notes.push(`busy again after settling: ${final.status}`);

  let shownOnce: Outcome['shownOnce'];
  if (final.status === 'saved-unstored') {
    shownOnce = await showOnce(world, plan, notes);
    final = await storedFlow(world);
  }
  await freeStorage(world);
  await unlockVault(world).catch((error: unknown) => notes.push(`unlock: ${(error as Error).message}`));
  return { final, settled, msToSettled, stuck, clickLost, shownOnce, notes };
}

/** The popup must show the unsaved key once, with Copy and the warning; then the person copies it or tries again. */
async function showOnce(world: World, plan: Plan, notes: string[]): Promise<Outcome['shownOnce']> {
  // A popup on its unlock screen (the vault was locked mid-flow) shows the key once unlocked, as a person does.
  if (!(await popupShows(world, '[data-testid="shown-once-secret"]'))) {
    await unlockVault(world);
    if (!(await popupShows(world, '[data-testid="shown-once-secret"]'))) {
      notes.push('a key the vault could not store was not shown');
      return undefined;
    }
  }
  const popup = await openPopup(world);
  const secretEl = popup.getByTestId('shown-once-secret');
  const secret = await secretEl.innerText();
  const warned = (await popup.getByText('The key could not be stored in the vault.', { exact: false }).count()) > 0
    && (await popup.getByRole('button', { name: 'Copy key' }).count()) > 0;
  if (plan.unstored === 'retry') {
    await freeStorage(world);
    await unlockVault(world); // a key refused by a locked vault: the person unlocks, then tries again
    await popup.getByRole('button', { name: 'Try saving again' }).click({ timeout: 10_000 });
    const deadline = Date.now() + 10_000;
    while ((await storedFlow(world)).status === 'saved-unstored' && Date.now() < deadline) await sleep(100);
  } else {
    await popup.getByRole('button', { name: 'Copy key' }).click({ timeout: 10_000 }).catch(() => undefined);
    await popup.getByRole('button', { name: 'I have saved it' }).click({ timeout: 10_000 });
    const deadline = Date.now() + 10_000;
    while ((await storedFlow(world)).status === 'saved-unstored' && Date.now() < deadline) await sleep(100);
  }
  return { secret, warned, resolved: plan.unstored };
}

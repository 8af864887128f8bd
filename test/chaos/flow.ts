// Reading and steering the extension's mint flow from outside: its state as stored in
// storage.session (read without waking the service worker), the popup's buttons, and the
// storage.local filler that makes the vault's next write fail.
import type { Page } from 'playwright-core';
import type { World } from './world';
import { PASSPHRASE } from './world';

export interface FlowState {
  status: string;
  error?: { code: string; action: string; message: string };
  key?: { last6: string; veniceId: string };
  ctx?: { eligibility?: { eligible: boolean } };
}

/** A flow in one of these has ended or waits for the person: nothing runs by itself any more. */
export const SETTLED = new Set(['saved', 'saved-unstored', 'failed', 'idle', 'needs-unlock']);
export const BUSY = new Set(['connecting', 'awaiting-signature', 'minting']);
const FILL_KEY = '__chaosFill';

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The flow's state as stored (lib/storage/keys.ts MINT_FLOW_ITEM); idle when none. */
export async function storedFlow(world: World): Promise<FlowState> {
  const session = await world.storage('session');
  return (session.mintFlow as FlowState | undefined) ?? { status: 'idle' };
}

export async function askFlow(world: World, name: string): Promise<FlowState> {
  const reply = await world.send(name);
  if (!reply.ok) throw new Error(`${name}: ${reply.error?.code ?? 'failed'}`);
  return reply.output as FlowState;
}

export async function unlockVault(world: World): Promise<void> {
  const status = await world.send('vault.status');
  if ((status.output as { state?: string } | undefined)?.state !== 'locked') return;
  const unlocked = await world.send('vault.unlock', { passphrase: PASSPHRASE });
  if (!unlocked.ok) throw new Error(`vault.unlock: ${unlocked.error?.code ?? 'failed'}`);
}

/** Brings the flow to `ready` with the staked wallet connected, whatever state it was left in. */
export async function toReady(world: World, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    const state = await askFlow(world, 'mint.get');
    last = state.status;
    if (state.status === 'ready' && state.ctx?.eligibility?.eligible) return;
    if (state.status === 'ready' || state.status === 'saved-unstored' || state.status === 'needs-unlock') await askFlow(world, 'mint.cancel');
    else if (state.status === 'idle' || state.status === 'failed' || state.status === 'saved') await askFlow(world, 'mint.start');
    else if (state.status === 'awaiting-signature') await askFlow(world, 'mint.cancel');
    await sleep(200);
  }
  throw new Error(`the flow did not become ready within ${timeoutMs} ms (last: ${last})`);
}

export async function openPopup(world: World): Promise<Page> {
  if (!world.popup || world.popup.isClosed()) world.popup = await world.h.openPopup();
  return world.popup;
}

/** The Mint button, clicked in the page (no focus or actionability wait: a person's click). */
export async function clickMint(popup: Page): Promise<boolean> {
  return popup.evaluate(() => {
    const button = document.querySelector<HTMLButtonElement>('[data-testid="mint-button"]');
    button?.click();
    return button !== null;
  });
}

/** Fills storage.local up to a few bytes under its quota, so the vault's next write fails. */
export async function fillStorage(world: World): Promise<void> {
  await world.inExtension(async (key) => {
    const local = (globalThis as unknown as { chrome: { storage: { local: {
      QUOTA_BYTES: number; getBytesInUse(k: null): Promise<number>; set(v: object): Promise<void>;
    } } } }).chrome.storage.local;
    let size = local.QUOTA_BYTES - (await local.getBytesInUse(null)) - key.length - 2 - 16;
    for (let i = 0; i < 8 && size > 0; i += 1) {
      try {
        await local.set({ [key]: 'x'.repeat(size) });
        return;
      } catch {
        size -= 64;
      }
    }
  }, FILL_KEY);
}

export async function freeStorage(world: World): Promise<void> {
  await world.inExtension(
    (key) => (globalThis as unknown as { chrome: { storage: { local: { remove(k: string): Promise<void> } } } }).chrome.storage.local.remove(key),
    FILL_KEY,
  );
}

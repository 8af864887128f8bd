// A mint into a full storage.local, in Chromium: the service worker fills storage.local to its
// quota (10 MiB without unlimitedStorage) with one filler item, then the person mints. The key
// Venice created is shown once with Copy, the popup says storage is full, the key saved before
// still opens, and once space is freed "Try saving again" stores the same key (no second mint).
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_TABLE } from '../../lib/errors';
import { autoApproveSandboxWallet, launchChromiumWithSandbox, openPopupReadyToMint, pageErrorsOf, sendMessage, type ChromiumHarness, type Sandbox } from './harness/index';

const PASSPHRASE = 'amber-orchard-63-compass';
const MINT_PATH = '/api/v1/api_keys/generate_web3_key';
const WAIT = 60_000;
const FILLER = 'e2eStorageFiller';

interface StorageLike {
  QUOTA_BYTES: number;
  getBytesInUse(keys: null): Promise<number>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(key: string): Promise<void>;
}

describe('mint into a full storage.local in Chromium', () => {
  let h: ChromiumHarness;
  let sandbox: Sandbox;
  let popup: Page;

  const panel = () => popup.getByTestId('mint-panel');
  const until = (value: string) => expect.poll(() => panel().getAttribute('data-status'), { timeout: WAIT }).toBe(value);
  async function press(name: string) {
    await popup.bringToFront();
    await panel().getByRole('button', { name }).click();
  }
  async function mintPosts(): Promise<number> {
    const { requests } = (await (await fetch(`${sandbox.origin}/__sandbox/requests`)).json()) as { requests: { method: string; path: string }[] };
    return requests.filter((r) => r.method === 'POST' && r.path === MINT_PATH).length;
  }
  async function vaultRecords(): Promise<{ id: string; last6: string }[]> {
    const answer = (await sendMessage(h, 'vault.status', {})) as { ok: true; output: { records: { id: string; last6: string }[] } };
    return answer.output.records;
  }
  /** Fills storage.local from the service worker up to a few bytes under its quota; returns the refusal of one more small write. */
  async function fillStorage(): Promise<{ quota: number; refusal: string }> {
    const worker = await h.getServiceWorker();
    return worker.evaluate(async (filler) => {
      const area = (globalThis as unknown as { chrome: { storage: { local: StorageLike } } }).chrome.storage.local;
      const quota = area.QUOTA_BYTES;
      let size = quota - (await area.getBytesInUse(null)) - filler.length - 2 - 32;
      for (;;) {
        try {
          await area.set({ [filler]: 'x'.repeat(size) });
          break;
        } catch (error) {
          if (size < quota / 2) throw error;
          size -= 256;
        }
      }
      const refusal = await area.set({ probe: 'x'.repeat(200) }).then(() => 'written', (e: unknown) => String((e as Error).message));
      return { quota, refusal };
    }, FILLER);
  }
  async function freeStorage() {
    const worker = await h.getServiceWorker();
    await worker.evaluate(async (filler) => {
      await (globalThis as unknown as { chrome: { storage: { local: StorageLike } } }).chrome.storage.local.remove(filler);
    }, FILLER);
  }

  beforeAll(async () => {
    ({ h, sandbox } = await launchChromiumWithSandbox());
    await autoApproveSandboxWallet(h, sandbox);
    popup = await openPopupReadyToMint(h, sandbox, PASSPHRASE, WAIT);
  });
  afterAll(async () => {
    await h?.close();
    await sandbox?.stop();
  });

  it('shows the key once with Copy, says storage is full, keeps the earlier key; saves it once space is freed', async () => {
    // A key saved the ordinary way first.
    await press('Connect wallet');
    await until('ready');
    await press('Mint API key');
    await until('saved');
    const earlier = (await vaultRecords())[0]!;
    await press('Done');
    await until('idle');
    await press('Connect wallet');
    await until('ready');

    const { quota, refusal } = await fillStorage();
    expect(quota).toBe(10 * 1024 * 1024);
    expect(refusal).toMatch(/quota/i);
    const posts = await mintPosts();
    const keys = Object.keys(sandbox.state.data.keys).length;

    await press('Mint API key');
    await until('saved-unstored');
    expect(await mintPosts()).toBe(posts + 1);
    expect(Object.keys(sandbox.state.data.keys).length).toBe(keys + 1);
    await expect.poll(() => panel().getByRole('alert').first().innerText(), { timeout: WAIT }).toBe(ERROR_TABLE.STORAGE_FULL.message);
    const secret = panel().getByTestId('shown-once-secret');
    await secret.waitFor({ timeout: WAIT });
    const shown = await secret.innerText();
    expect(shown).toMatch(/^VENICE_INFERENCE_KEY_/);
    await panel().getByRole('button', { name: 'Copy key', exact: true }).click();
    await expect.poll(() => panel().getByRole('status').innerText(), { timeout: WAIT }).toBe('Copied.');

    // The key saved before is untouched and still opens.
    expect((await vaultRecords()).map((r) => r.id)).toEqual([earlier.id]);
    const opened = (await sendMessage(h, 'vault.reveal', { id: earlier.id })) as { ok: true; output: { secret: string } };
    expect(opened.output.secret.slice(-6)).toBe(earlier.last6);

    // Space freed: the same key is stored, with no second mint.
    await freeStorage();
    await press('Try saving again');
    await until('saved');
    const records = await vaultRecords();
    expect(records).toHaveLength(2);
    expect(records[1]!.last6).toBe(shown.slice(-6));
    expect(await mintPosts()).toBe(posts + 1);
    expect(await pageErrorsOf(popup)).toEqual([]);
  });
});

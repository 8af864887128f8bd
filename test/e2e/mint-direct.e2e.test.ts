// The direct MetaMask path in Chromium: the MetaMask test double (test/wallets/metamask-double,
// MetaMask's own stream packages, a fixed id) is loaded beside the extension, whose sandbox
// build looks for that id first. A mint opens no tab (the browser's tab list is unchanged),
// asks the wallet from the extension (the double sees our extension's id), and mints once;
// a declined signature posts nothing; a locked wallet and an account switch are explained; a
// worker stopped while MetaMask shows the signature loses nothing: the restarted worker resumes
// the request the offscreen host still holds, and mints once with it.
import type { Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDouble } from '../wallets/metamask-double/build';
import { DOUBLE_CHROME_ID } from '../wallets/metamask-double/identity';
import type { DoubleMode } from '../wallets/metamask-double/serve';
import { launchChromiumWithSandbox, openPopupReadyToMint, pageErrorsOf, sendMessage, type ChromiumHarness, type Sandbox } from './harness/index';

const PASSPHRASE = 'amber-quarry-73-willow';
const MINT_PATH = '/api/v1/api_keys/generate_web3_key';

interface DoubleView {
  mode: DoubleMode;
  signRequests: number;
  calls: Array<{ method: string; from: string }>;
  address: string;
  held: number;
}

describe('mint through the direct MetaMask path in Chromium', () => {
  let h: ChromiumHarness;
  let sandbox: Sandbox;
  let popup: Page;

  const mintPosts = () => sandbox.requests.list().filter((r) => r.method === 'POST' && r.path === MINT_PATH);
  const panel = () => popup.getByTestId('mint-panel');
  const status = () => panel().getAttribute('data-status');
  const until = (value: string, timeout = 30_000) => expect.poll(() => status(), { timeout }).toBe(value);
  const tabs = () => h.context.pages().map((p) => p.url()).sort();

  const doubleWorker = async (): Promise<Worker> => {
    const ours = (w: Worker) => w.url().startsWith(`chrome-extension://${DOUBLE_CHROME_ID}/`);
    return h.context.serviceWorkers().find(ours) ?? h.context.waitForEvent('serviceworker', { predicate: ours, timeout: 20_000 });
  };
  const double = async (): Promise<DoubleView> =>
    (await doubleWorker()).evaluate(() => {
      const { state } = (globalThis as unknown as { metamaskDouble: { state: DoubleView } }).metamaskDouble;
      return { mode: state.mode, signRequests: state.signRequests, calls: [...state.calls], address: state.address, held: state.held };
    });
  /** The person answers MetaMask's signature window (mode `hold`). */
  const answerHeld = async (answer: 'approve' | 'reject') =>
    (await doubleWorker()).evaluate(
      (a) => (globalThis as unknown as { metamaskDouble: { answerHeld(a: string): number } }).metamaskDouble.answerHeld(a),
      answer,
    );
  const setMode = async (mode: DoubleMode) =>
    (await doubleWorker()).evaluate((m) => {
      (globalThis as unknown as { metamaskDouble: { state: { mode: string } } }).metamaskDouble.state.mode = m;
    }, mode);

  async function press(name: string) {
    await popup.bringToFront();
    await panel().getByRole('button', { name }).click();
  }
  /** From a finished flow (saved or failed) back to idle. */
  async function toIdle() {
    await expect.poll(() => status(), { timeout: 30_000 }).toMatch(/^(idle|saved|failed)$/);
    const now = await status();
    if (now === 'saved') await press('Done');
    if (now === 'failed') await press('Close');
    await until('idle');
  }
  async function vaultHolds(last6: string): Promise<boolean> {
    const vault = (await sendMessage(h, 'vault.status', {})) as { ok: true; output: { records: { last6: string; source: string }[] } };
    return vault.output.records.some((r) => r.last6 === last6 && r.source === 'minted');
  }
  /** Stops the worker while the double holds the signature; `meanwhile` runs with no worker; the popup is reopened. */
  async function stopWorkerMidSignature(meanwhile: () => Promise<void>) {
    await toIdle();
    await press('Connect wallet');
    await until('ready');
    await setMode('hold');
    await press('Mint API key');
    await until('awaiting-signature');
    await expect.poll(async () => (await double()).held, { timeout: 30_000 }).toBe(1);
    await h.stopServiceWorker();
    await meanwhile();
    // Reopened from the toolbar, the popup wakes the worker.
    await popup.close();
    popup = await h.openPopup();
    await popup.locator('[data-testid="mint-panel"]:not([data-status="loading"])').waitFor({ timeout: 30_000 });
  }
  /** One more key than `keysBefore` at Venice, one more 200 mint POST than `postsBefore`, saved in the vault and shown. */
  async function expectOneKeySaved(keysBefore: number, postsBefore: number) {
    await until('saved');
    const last6 = (await panel().getByTestId('mint-saved').getAttribute('data-last6'))!;
    expect(mintPosts().slice(postsBefore).map((r) => r.status)).toEqual([200]);
    expect(Object.keys(sandbox.state.data.keys).length - keysBefore).toBe(1);
    expect(Object.values(sandbox.state.data.keys).filter((k) => k.last6Chars === last6)).toHaveLength(1);
    expect(await vaultHolds(last6)).toBe(true);
  }

  beforeAll(async () => {
    const dirs = await buildDouble();
    ({ h, sandbox } = await launchChromiumWithSandbox({ otherExtensions: [dirs.chrome] }));
    await doubleWorker();
    popup = await openPopupReadyToMint(h, sandbox, PASSPHRASE, 30_000);
  });
  afterAll(async () => {
    await h?.close();
    await sandbox?.stop();
  });

  it('connects and mints once with no tab opened; the wallet is asked by the extension itself', async () => {
    const before = tabs();
    await press('Connect wallet');
    await until('ready');
    expect(tabs(), 'no signing tab was opened').toEqual(before);
    expect(tabs().some((url) => url.startsWith(sandbox.origin))).toBe(false);
    const { address } = await double();
    await expect.poll(() => panel().getByTestId('connected-address').innerText()).toContain(address.slice(0, 6));
    // The choice lists the direct MetaMask first, connected, then the page wallets' entry.
    expect(await panel().locator('.wallet label.choice').allInnerTexts()).toEqual(['MetaMask (test) (no tab needed)', 'Another wallet (signs in a venice.ai tab)']);
    expect(await panel().locator('.wallet input[type="radio"]').first().isChecked()).toBe(true);

    await press('Mint API key');
    await until('saved');
    expect(tabs()).toEqual(before);
    expect(mintPosts()).toHaveLength(1);
    expect(mintPosts()[0]!.status).toBe(200);
    const seen = await double();
    expect(seen.signRequests).toBe(1);
    // Every request came over a port from our extension (its id), none from a page.
    expect(new Set(seen.calls.map((c) => c.from))).toEqual(new Set([h.extensionId]));
  });

  it('a declined signature posts nothing and says so', async () => {
    await press('Done');
    await until('idle');
    await press('Connect wallet');
    await until('ready');
    const posts = mintPosts().length;
    await setMode('reject');
    await press('Mint API key');
    await until('failed');
    await expect.poll(() => panel().getByRole('alert').innerText()).toContain('The request was declined in your wallet.');
    expect(mintPosts().length).toBe(posts);
    await setMode('approve');
  });

  it('a locked wallet is explained at connect, and nothing is asked of a tab', async () => {
    await press('Close');
    await until('idle');
    const before = tabs();
    await setMode('locked');
    await press('Connect wallet');
    await until('failed');
    await expect.poll(() => panel().getByRole('alert').innerText()).toContain('Your wallet is locked.');
    expect(tabs()).toEqual(before);
    await setMode('approve');
  });

  it('the worker stopped while MetaMask shows the signature, approved after the popup reopened: one key minted and saved', async () => {
    const before = tabs();
    const posts = mintPosts().length;
    const keys = Object.keys(sandbox.state.data.keys).length;
    const signs = (await double()).signRequests;
    await stopWorkerMidSignature(async () => undefined);
    // The restarted worker waits for the request MetaMask still shows, as the popup says.
    expect(await status()).toBe('awaiting-signature');
    expect(await answerHeld('approve')).toBe(1);
    await expectOneKeySaved(keys, posts);
    expect((await double()).signRequests - signs, 'MetaMask was asked once').toBe(1);
    expect(tabs()).toEqual(before);
    expect(await pageErrorsOf(popup)).toEqual([]);
    await setMode('approve');
  });

  it('the worker stopped while MetaMask shows the signature, approved while no worker ran: one key minted and saved', async () => {
    const posts = mintPosts().length;
    const keys = Object.keys(sandbox.state.data.keys).length;
    const signs = (await double()).signRequests;
    await stopWorkerMidSignature(async () => {
      expect(await answerHeld('approve')).toBe(1);
    });
    await expectOneKeySaved(keys, posts);
    expect((await double()).signRequests - signs).toBe(1);
    await setMode('approve');
  });

  it('the worker stopped while MetaMask shows the signature, declined: says so, posts nothing, and the next Mint signs anew', async () => {
    const posts = mintPosts().length;
    const keys = Object.keys(sandbox.state.data.keys).length;
    await stopWorkerMidSignature(async () => undefined);
    expect(await answerHeld('reject')).toBe(1);
    await until('failed');
    await expect.poll(() => panel().getByRole('alert').innerText()).toContain('The request was declined in your wallet.');
    expect(mintPosts().length).toBe(posts);
    await setMode('approve');
    await press('Try again');
    await until('ready');
    await press('Mint API key');
    await expectOneKeySaved(keys, posts);
  });

  // Last: the double stays on the second account afterwards.
  it('an account switched in the wallet before signing is explained, and posts nothing', async () => {
    await toIdle();
    await press('Connect wallet');
    await until('ready');
    const posts = mintPosts().length;
    const signs = (await double()).signRequests;
    await setMode('switch');
    await press('Mint API key');
    await until('failed');
    await expect.poll(() => panel().getByRole('alert').innerText()).toContain('The account in your wallet changed');
    expect(mintPosts().length).toBe(posts);
    expect((await double()).signRequests).toBe(signs);
  });
});

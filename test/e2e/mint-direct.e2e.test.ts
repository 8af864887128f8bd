// The direct MetaMask path in Chromium: the MetaMask test double (test/wallets/metamask-double,
// MetaMask's own stream packages, a fixed id) is loaded beside the extension, whose sandbox
// build looks for that id first. A mint opens no tab (the browser's tab list is unchanged),
// asks the wallet from the extension (the double sees our extension's id), and mints once;
// a declined signature posts nothing; a locked wallet and an account switch are explained.
import type { Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDouble } from '../wallets/metamask-double/build';
import { DOUBLE_CHROME_ID } from '../wallets/metamask-double/identity';
import type { DoubleMode } from '../wallets/metamask-double/serve';
import { launchChromiumWithSandbox, openPopupReadyToMint, type ChromiumHarness, type Sandbox } from './harness/index';

const PASSPHRASE = 'amber-quarry-73-willow';
const MINT_PATH = '/api/v1/api_keys/generate_web3_key';

interface DoubleView {
  mode: DoubleMode;
  signRequests: number;
  calls: Array<{ method: string; from: string }>;
  address: string;
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
      return { mode: state.mode, signRequests: state.signRequests, calls: [...state.calls], address: state.address };
    });
  const setMode = async (mode: DoubleMode) =>
    (await doubleWorker()).evaluate((m) => {
      (globalThis as unknown as { metamaskDouble: { state: { mode: string } } }).metamaskDouble.state.mode = m;
    }, mode);

  async function press(name: string) {
    await popup.bringToFront();
    await panel().getByRole('button', { name }).click();
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

  // Last: the double stays on the second account afterwards.
  it('an account switched in the wallet before signing is explained, and posts nothing', async () => {
    await press('Close');
    await until('idle');
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

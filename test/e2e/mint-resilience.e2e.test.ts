// The mint flow in Chromium when the person or the browser walks away mid-flow: the popup closed
// right after the Mint click, the service worker stopped while the wallet is asked to sign, and
// stopped right after the key was saved; the signing tab closed between two connects. The wallet is the sandbox's own Sandbox Wallet in the
// signing tab: it approves by itself, or (for the stop while signing) waits for a visible Approve.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { autoApproveSandboxWallet, launchChromiumWithSandbox, openPopupReadyToMint, pageErrorsOf, sendMessage, type ChromiumHarness, type Sandbox } from './harness/index';

const PASSPHRASE = 'amber-orchard-63-compass';
const MINT_PATH = '/api/v1/api_keys/generate_web3_key';
const WAIT = 60_000;

interface LoggedRequest {
  method: string;
  path: string;
  status: number;
}

describe('mint flow resilience in Chromium', () => {
  let h: ChromiumHarness;
  let sandbox: Sandbox;
  let popup: Page;

  const send = (name: string, input: unknown) => sendMessage(h, name, input);
  /** The sandbox's request log, through its control route. */
  async function mintPosts(): Promise<LoggedRequest[]> {
    const { requests } = (await (await fetch(`${sandbox.origin}/__sandbox/requests`)).json()) as { requests: LoggedRequest[] };
    return requests.filter((r) => r.method === 'POST' && r.path === MINT_PATH);
  }
  const panel = () => popup.getByTestId('mint-panel');
  const until = (value: string) => expect.poll(() => panel().getAttribute('data-status'), { timeout: WAIT }).toBe(value);
  const signingTab = () => h.context.pages().find((p) => p.url().startsWith(sandbox.origin));
  async function press(name: string) {
    await popup.bringToFront();
    await panel().getByRole('button', { name }).click();
  }
  /** Closes the popup and opens it again, as a person does from the toolbar (this wakes a stopped worker). */
  async function reopenPopup() {
    await popup.close();
    popup = await h.openPopup();
    await popup.locator('[data-testid="mint-panel"]:not([data-status="loading"])').waitFor({ timeout: WAIT });
  }
  async function toReady() {
    // The panel may still be loading its state (e.g. just re-mounted): wait until it settles first.
    await expect.poll(() => panel().getAttribute('data-status'), { timeout: WAIT }).toMatch(/^(idle|saved)$/);
    if ((await panel().getAttribute('data-status')) === 'saved') await press('Done');
    await until('idle');
    await press('Connect wallet');
    await until('ready');
  }
  /** The saved key, in the reopened popup: the mint panel's note, then the Keys list with its Copy button. */
  async function expectKeyShown(last6: string) {
    await until('saved');
    expect(await panel().getByTestId('mint-saved').getAttribute('data-last6')).toBe(last6);
    await popup.getByRole('button', { name: 'Keys', exact: true }).click();
    const row = popup.getByRole('listitem', { name: new RegExp(`…${last6}$`) });
    await row.waitFor({ timeout: WAIT });
    await row.getByRole('button', { name: 'Copy key', exact: true }).click();
    await expect.poll(() => row.getByRole('status').innerText(), { timeout: WAIT }).toMatch(/^Copied\./);
    await popup.getByRole('button', { name: 'Balance', exact: true }).click();
    await panel().waitFor({ timeout: WAIT });
  }
  async function vaultHolds(last6: string): Promise<boolean> {
    const vault = (await send('vault.status', {})) as { ok: true; output: { records: { last6: string; source: string }[] } };
    return vault.output.records.some((r) => r.last6 === last6 && r.source === 'minted');
  }

  beforeAll(async () => {
    ({ h, sandbox } = await launchChromiumWithSandbox());
    await autoApproveSandboxWallet(h, sandbox);
    popup = await openPopupReadyToMint(h, sandbox, PASSPHRASE, WAIT);
  });
  afterAll(async () => {
    sandbox?.faults.clear();
    await h?.close();
    await sandbox?.stop();
  });

  it('finishes the mint with the popup closed right after the click; the reopened popup shows the key', async () => {
    await toReady();
    const before = (await mintPosts()).length;
    // Venice takes its time, so the popup is surely gone before the key arrives.
    sandbox.faults.add({ kind: 'latency', ms: 3000, method: 'POST', path: MINT_PATH });
    await press('Mint API key');
    await popup.locator('[data-testid="mint-panel"]:not([data-status="ready"])').waitFor({ timeout: WAIT });
    await popup.close();
    expect(await mintPosts(), 'no mint answered before the popup closed').toHaveLength(before);

    await expect.poll(async () => (await mintPosts()).length, { timeout: WAIT }).toBe(before + 1);
    sandbox.faults.clear();
    popup = await h.openPopup();
    await until('saved');
    const last6 = (await panel().getByTestId('mint-saved').getAttribute('data-last6'))!;
    expect((await mintPosts()).slice(before).map((r) => r.status)).toEqual([200]);
    expect(Object.values(sandbox.state.data.keys).filter((k) => k.last6Chars === last6)).toHaveLength(1);
    expect(await vaultHolds(last6)).toBe(true);
    await expectKeyShown(last6);
    expect(await pageErrorsOf(popup)).toEqual([]);
  });

  it('keeps a key saved just before the worker stopped', async () => {
    await toReady();
    const before = (await mintPosts()).length;
    await press('Mint API key');
    await until('saved');
    const last6 = (await panel().getByTestId('mint-saved').getAttribute('data-last6'))!;
    await h.stopServiceWorker();
    await reopenPopup();
    await expectKeyShown(last6);
    expect(await vaultHolds(last6)).toBe(true);
    expect((await mintPosts()).slice(before).map((r) => r.status)).toEqual([200]);
  });

  // Issue 11: the flow kept the wallet's EIP-6963 uuid, which is new on every page load, so this said "Install one".
  it('connects again after the signing tab was closed, to the same wallet, never saying to install one', async () => {
    await toReady();
    const first = signingTab()!;
    await press('Disconnect');
    await until('idle');
    await first.close();
    expect(signingTab(), 'the signing tab is closed').toBeUndefined();

    await press('Connect wallet');
    await expect.poll(() => panel().getAttribute('data-status'), { timeout: WAIT }).toMatch(/^(ready|failed)$/);
    expect(await panel().innerText()).not.toMatch(/install/i);
    expect(await panel().getAttribute('data-status')).toBe('ready');
    expect(await panel().getByTestId('connected-address').getAttribute('title')).toBe(sandbox.wallets.staked.address);
    expect(signingTab(), 'a new signing tab').toBeDefined();
    await press('Disconnect');
    await until('idle');
  });

  it('loses nothing when the worker stops while the wallet is asked to sign, and mints exactly one key after', async () => {
    await toReady();
    const tab = signingTab()!;
    // From now on the Sandbox Wallet waits for the person's Approve or Reject, as a real wallet does.
    await tab.bringToFront();
    await tab.getByTestId('sandbox-wallet-auto').uncheck();
    await fetch(`${sandbox.origin}/__sandbox/requests`, { method: 'DELETE' });
    const keysBefore = Object.keys(sandbox.state.data.keys).length;
    const pending = () => tab.locator('[data-testid="sandbox-wallet-requests"] li[data-method="personal_sign"]');

    await press('Mint API key');
    await until('awaiting-signature');
    await pending().waitFor({ timeout: WAIT });
    await h.stopServiceWorker();

    // The reopened popup wakes the worker, which ends the step that died with it: a clear state and a next step.
    await reopenPopup();
    await until('failed');
    await expect.poll(() => panel().getByRole('alert').innerText(), { timeout: WAIT }).toBe(
      'The extension restarted while waiting for your wallet. No key was created. Try again.',
    );
    expect(await mintPosts()).toEqual([]);

    // Following it: Try again, Mint. The wallet still holds the request the old worker was waiting for.
    // The next Mint finds it (the bridge counts the requests waiting in the page) and loads the signing
    // page again, which ends it, instead of the wallet refusing a second one with -32002 (README: "A
    // request left waiting by a stopped worker"). The new page's wallet asks to connect, then to sign.
    expect(await pending().count()).toBe(1);
    await press('Try again');
    await until('ready');
    await press('Mint API key');
    await until('awaiting-signature');
    const connectAgain = tab.locator('[data-testid="sandbox-wallet-requests"] li[data-method="eth_requestAccounts"]');
    await connectAgain.waitFor({ timeout: WAIT });
    await tab.bringToFront();
    await connectAgain.getByRole('button', { name: 'Approve' }).click();
    await pending().waitFor({ timeout: WAIT });
    expect(await pending().count(), 'only the new request: the old one ended with the old page').toBe(1);
    await pending().getByRole('button', { name: 'Approve' }).click();
    await until('saved');
    const last6 = (await panel().getByTestId('mint-saved').getAttribute('data-last6'))!;
    expect((await mintPosts()).map((r) => r.status)).toEqual([200]);
    expect(Object.keys(sandbox.state.data.keys).length - keysBefore).toBe(1);
    expect(await vaultHolds(last6)).toBe(true);
    await expectKeyShown(last6);
    expect(await pageErrorsOf(popup)).toEqual([]);
  });
});

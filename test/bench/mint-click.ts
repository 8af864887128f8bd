// Bench section: what the extension adds to a mint. In ONE run against one local sandbox:
// - protocol: the bare wallet protocol from Node (GET token, sign with a viem local account,
//   POST mint), median of RUNS;
// - click: in Chromium with the built sandbox extension, from the Mint click in the popup to the
//   popup showing the key saved (state 'saved'), with the sandbox's own Sandbox Wallet approving
//   by itself in the signing tab; median of RUNS clicks, the flow reset (Done, Connect) between
//   clicks. Both instants are taken inside the popup (performance.now(): the click, then a
//   MutationObserver seeing the saved note), so Playwright's polling is not counted.
// The click includes what the protocol leaves out: the bridge round trips to the signing tab, the
// local signature check, the vault's encryption and the state written to storage. The token is
// already held at the click (fetched at connect), as it is for a person. Target: ratio < 2.
// The pair is measured twice: as the local sandbox answers (well under 10 ms), and with LATENCY_MS
// added to every API answer, as a distant Venice would. The click is also split into phases:
// click -> the popup shows "sign in your wallet", -> "creating your key", -> "saved".
// extension_ms (issue 16): each click minus what is not the extension's: the sandbox's own time
// answering the mint's API requests (its request log's durationMs, whole ms) and the Sandbox
// Wallet's signing request (as the browser timed it); median over the clicks. What stays in it:
// the popup -> background -> tab -> page -> wallet hops and back, the local signature check (with
// its eth_call to the local chain, which the sandbox does not log), the vault's seal and write,
// the popup's re-render.
// Needs the sandbox build: `npx wxt build --mode sandbox`.
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import type { Hex } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { launchChromium, type ChromiumHarness } from '../e2e/harness/chromium';
import { CHROME_SANDBOX_DIR } from '../e2e/harness/paths';
import { startSandbox, type Sandbox } from '../sandbox/index';

const RUNS = 10;
const LATENCY_MS = 100;
const WARMUP = 2;
const TARGET_RATIO = 2;
/** Issue 16: the extension's own share of a local mint click. */
const TARGET_OWN_MS = 30;
const PASSPHRASE = 'saffron-lattice-19-harbor';
const WAIT = 60_000;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};
const round = (n: number) => Math.round(n * 10) / 10;

async function protocolRoundTrip(apiUrl: string, address: Hex, sign: (message: string) => Promise<Hex>): Promise<void> {
  const tokenRes = await fetch(`${apiUrl}/api_keys/generate_web3_key`);
  const token = ((await tokenRes.json()) as { data?: { token?: string } }).data?.token;
  if (tokenRes.status !== 200 || typeof token !== 'string') throw new Error(`GET token answered ${tokenRes.status}`);
  const signature = await sign(token);
  const mintRes = await fetch(`${apiUrl}/api_keys/generate_web3_key`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ address, signature, token, apiKeyType: 'INFERENCE', description: 'bench protocol' }),
  });
  const minted = (await mintRes.json()) as { data?: { apiKey?: unknown } };
  // Never print the key; only check that one came back.
  if (mintRes.status !== 200 || typeof minted.data?.apiKey !== 'string') throw new Error(`POST mint answered ${mintRes.status}`);
}

async function send(h: ChromiumHarness, name: string, input: unknown): Promise<unknown> {
  const page = await h.openExtensionPage('manifest.json');
  try {
    return await page.evaluate(
      ([n, i]) =>
        (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage({
          tag: 'venice-key-wallet/v1',
          name: n,
          input: i,
        }),
      [name, input] as const,
    );
  } finally {
    await page.close();
  }
}

const statusIs = (popup: Page, status: string) =>
  popup.locator(`[data-testid="mint-panel"][data-status="${status}"]`).waitFor({ timeout: WAIT });
async function press(popup: Page, name: string): Promise<void> {
  await popup.bringToFront();
  await popup.getByTestId('mint-panel').getByRole('button', { name }).click();
}

/**
 * One Mint click, timed in the popup from the click to each status the panel shows (first seen).
 * A string, not a function: tsx keeps function names with a helper that does not exist in the page.
 */
const TIMED_CLICK = `new Promise((resolve, reject) => {
  const button = document.querySelector('[data-testid="mint-button"]');
  if (!button) return reject(new Error('no Mint button'));
  const seen = {};
  let t0 = 0;
  let timer;
  // The whole document: the panel may be mounted anew when the home screen gains its first key.
  const observer = new MutationObserver(() => {
    const status = document.querySelector('[data-testid="mint-panel"]')?.getAttribute('data-status');
    if (status && !(status in seen)) seen[status] = performance.now() - t0;
    const saved = document.querySelector('[data-testid="mint-saved"]');
    if (!saved && status !== 'failed') return;
    observer.disconnect();
    clearTimeout(timer);
    if (saved) resolve({ ...seen, saved: performance.now() - t0 });
    else reject(new Error('the mint failed'));
  });
  timer = setTimeout(() => {
    observer.disconnect();
    reject(new Error('not saved within ${WAIT} ms'));
  }, ${WAIT});
  observer.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-status', 'data-last6'] });
  t0 = performance.now();
  button.click();
})`;
type Seen = Partial<Record<'awaiting-signature' | 'minting', number>> & {
  saved: number;
  /** The sandbox's own time on the mint's API requests during this click (request log, durationMs). */
  serverMs?: number;
  /** The Sandbox Wallet's signing request during this click, as the browser timed it. */
  walletMs?: number;
};

/** The API requests a mint click makes (the token, when fetched again, and the mint itself). */
const isMintRequest = (r: { path: string }) => r.path.endsWith('/api_keys/generate_web3_key');

async function measureProtocol(apiUrl: string, address: Hex, sign: (message: string) => Promise<Hex>): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < WARMUP + RUNS; i++) {
    const t0 = performance.now();
    await protocolRoundTrip(apiUrl, address, sign);
    if (i >= WARMUP) times.push(performance.now() - t0);
  }
  return times;
}

async function measureClicks(popup: Page, walletSigns: number[], requests: Sandbox['requests']): Promise<Seen[]> {
  const clicks: Seen[] = [];
  for (let i = 0; i < WARMUP + RUNS; i++) {
    if (i === WARMUP) walletSigns.length = 0;
    await press(popup, 'Connect wallet');
    await statusIs(popup, 'ready');
    await popup.bringToFront();
    const [logged, signs] = [requests.list().length, walletSigns.length];
    const seen = await popup.evaluate<Seen>(TIMED_CLICK);
    seen.serverMs = requests.list().slice(logged).filter(isMintRequest).reduce((sum, r) => sum + r.durationMs, 0);
    seen.walletMs = walletSigns.slice(signs).reduce((sum, ms) => sum + ms, 0);
    if (i >= WARMUP) clicks.push(seen);
    await statusIs(popup, 'saved');
    await press(popup, 'Done');
    await statusIs(popup, 'idle');
  }
  return clicks;
}

/** Medians of a pair (protocol, clicks), with the click's phases; `tag` prefixes the figure names. */
function summarise(tag: string, protocol: number[], clicks: Seen[], walletSigns: number[]): Record<string, number> {
  const phase = (from: keyof Seen | undefined, to: keyof Seen) =>
    round(median(clicks.filter((c) => (from === undefined || c[from] !== undefined) && c[to] !== undefined).map((c) => c[to]! - (from ? c[from]! : 0))));
  const protocolMs = median(protocol);
  const clickMs = median(clicks.map((c) => c.saved));
  const own = clicks.map((c) => c.saved - (c.serverMs ?? 0) - (c.walletMs ?? 0));
  return {
    [`${tag}protocol_median_ms`]: round(protocolMs),
    [`${tag}click_median_ms`]: round(clickMs),
    [`${tag}click_min_ms`]: round(Math.min(...clicks.map((c) => c.saved))),
    [`${tag}click_max_ms`]: round(Math.max(...clicks.map((c) => c.saved))),
    [`${tag}ratio`]: Math.round((clickMs / protocolMs) * 100) / 100,
    [`${tag}phase_to_signing_ms`]: phase(undefined, 'awaiting-signature'),
    [`${tag}phase_signing_to_minting_ms`]: phase('awaiting-signature', 'minting'),
    [`${tag}phase_minting_to_saved_ms`]: phase('minting', 'saved'),
    [`${tag}wallet_sign_median_ms`]: round(median(walletSigns)),
    [`${tag}server_median_ms`]: round(median(clicks.map((c) => c.serverMs ?? 0))),
    [`${tag}extension_ms`]: round(median(own)),
  };
}

export async function bench(): Promise<Record<string, number | string>> {
  if (!existsSync(path.join(CHROME_SANDBOX_DIR, 'manifest.json'))) {
    throw new Error('no sandbox build: run `npx wxt build --mode sandbox` first');
  }
  const sandbox = await startSandbox({ quiet: true });
  let h: ChromiumHarness | undefined;
  try {
    const account = privateKeyToAccount(sandbox.wallets.staked.privateKey!);
    const sign = (message: string) => account.signMessage({ message });
    h = await launchChromium();
    const setup = await h.context.newPage(); // the Sandbox Wallet remembers: staked, approve by itself
    await setup.goto(`${sandbox.origin}/?autoApprove=1&wallet=staked`);
    await setup.close();
    await send(h, 'settings.set', { patch: { apiBaseUrl: sandbox.apiUrl, rpcUrl: sandbox.rpcUrl } });
    await send(h, 'vault.setup', { passphrase: PASSPHRASE, confirm: PASSPHRASE });
    // The Sandbox Wallet's own share of the signing phase: its signing request to the sandbox server.
    const walletSigns: number[] = [];
    h.context.on('requestfinished', (request) => {
      if (request.url().endsWith('/__sandbox/wallet/sign') && request.postData()?.includes('"message"')) walletSigns.push(request.timing().responseEnd);
    });
    const popup = await h.openPopup();
    await statusIs(popup, 'idle');

    const local = summarise('', await measureProtocol(sandbox.apiUrl, account.address, sign), await measureClicks(popup, walletSigns, sandbox.requests), walletSigns);
    sandbox.faults.add({ kind: 'latency', ms: LATENCY_MS });
    const distant = summarise('latency_', await measureProtocol(sandbox.apiUrl, account.address, sign), await measureClicks(popup, walletSigns, sandbox.requests), walletSigns);
    sandbox.faults.clear();
    const minted = sandbox.requests.list().filter((r) => r.method === 'POST' && r.path.endsWith('/generate_web3_key') && r.status === 200);
    const expected = 4 * (WARMUP + RUNS);
    if (minted.length !== expected) throw new Error(`expected ${expected} mints, the sandbox saw ${minted.length}`);

    const ratio = local.ratio!;
    console.log(
      `mint, local sandbox: bare protocol (GET token, sign, POST) median ${local.protocol_median_ms} ms; ` +
        `Mint click to key saved in the popup median ${local.click_median_ms} ms; ratio ${ratio}x (aim < ${TARGET_RATIO}x)\n` +
        `  click phases (median): to "sign in your wallet" ${local.phase_to_signing_ms} ms, wallet + bridge + check ` +
        `${local.phase_signing_to_minting_ms} ms (the wallet's own signing ${local.wallet_sign_median_ms} ms), POST + vault + render ${local.phase_minting_to_saved_ms} ms\n` +
        `  the extension's own time (click to saved, minus the sandbox's ${local.server_median_ms} ms on the mint request and the ` +
        `wallet's signing): median ${local.extension_ms} ms (target <= ${TARGET_OWN_MS} ms: ${local.extension_ms! <= TARGET_OWN_MS ? 'met' : 'NOT met'})\n` +
        `mint, +${LATENCY_MS} ms per API answer: protocol ${distant.latency_protocol_median_ms} ms; click ${distant.latency_click_median_ms} ms; ` +
        `ratio ${distant.latency_ratio}x`,
    );
    return {
      runs: RUNS,
      ...local,
      target: `< ${TARGET_RATIO}x: ${ratio < TARGET_RATIO ? 'met' : 'NOT met'} locally`,
      latency_ms: LATENCY_MS,
      ...distant,
    };
  } finally {
    await h?.close();
    await sandbox.stop();
  }
}

// What the popup benches (popup_open, popup_toolbar) share: the sandbox build, a key minted
// from the staked wallet with a known balance, and the set-up a person does before the popup
// shows that balance from its cache. Also the blank page they compare against, and statistics.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { ChromiumHarness } from '../e2e/harness/chromium';
import { sandboxBuildIsStale } from '../e2e/harness/global-setup';
import { CHROME_SANDBOX_DIR, ROOT } from '../e2e/harness/paths';
import type { Sandbox } from '../sandbox/index';
import { mintSandboxKey } from './polling';

const PASSPHRASE = 'copper-meadow-84-kettle';
/** Opens of each page, after the warm-up rounds; issue 5's target for popup / blank. */
export const RUNS = 20;
export const WARMUP = 2;
export const TARGET_RATIO = 1.5;
/** The home screen's balance card. */
export const MARKER = '[data-testid="balance-summary"]';
/** What the card shows for the staged key (stagedKey). */
export const BALANCE = '42.5 DIEM';
/** An empty page of the extension, added to a bench's copy of the build only. */
export const BLANK_HTML = '<!DOCTYPE html>\n<html lang="en"><head><meta charset="UTF-8"><title>blank</title></head><body></body></html>\n';

/** Waits while another build in this shared checkout has the folder but no manifest yet. */
async function waitForOtherBuild(): Promise<void> {
  for (let waited = 0; waited < 120_000; waited += 1_000) {
    if (!existsSync(CHROME_SANDBOX_DIR) || existsSync(path.join(CHROME_SANDBOX_DIR, 'manifest.json'))) return;
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
}

/** Builds the Chrome sandbox extension when it is missing or older than the sources. */
export async function ensureBuild(): Promise<string> {
  await waitForOtherBuild();
  const reason = sandboxBuildIsStale();
  const chromeReason = reason?.startsWith(path.relative(ROOT, CHROME_SANDBOX_DIR)) ? reason : undefined;
  if (!chromeReason && existsSync(path.join(CHROME_SANDBOX_DIR, 'manifest.json'))) return 'existing build';
  const res = spawnSync('npx', ['--no', '--', 'wxt', 'build', '--mode', 'sandbox'], { cwd: ROOT, encoding: 'utf8' });
  if (res.status !== 0) {
    process.stderr.write(res.stdout + res.stderr);
    throw new Error(`wxt build --mode sandbox failed (${res.status ?? res.signal})`);
  }
  return `rebuilt (${chromeReason ?? 'missing'})`;
}

/** A key minted from the sandbox's staked wallet, whose account then holds 42.5 DIEM. */
export async function stagedKey(sandbox: Sandbox): Promise<string> {
  const secret = await mintSandboxKey(sandbox.apiUrl, sandbox.wallets.staked.privateKey!, 'bench popup');
  const balance = await fetch(`${sandbox.origin}/__sandbox/accounts/${sandbox.wallets.staked.address}/balance`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ diem: 42.5, usd: 7, bundled: 0 }),
  });
  if (!balance.ok) throw new Error(`setting the sandbox balance answered ${balance.status}`);
  return secret;
}

/** As a person: the sandbox as the API (options page), a vault, a key imported, its balance on the home screen. */
export async function setUp(h: ChromiumHarness, sandbox: Sandbox, secret: string): Promise<string> {
  const options = await h.openExtensionPage('options.html');
  await options.getByLabel('Venice API address').fill(sandbox.apiUrl);
  await options.getByRole('button', { name: 'Save' }).click();
  await options.getByText('Settings saved.').waitFor();
  await options.close();

  const popup = await h.openPopup();
  await popup.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await popup.getByLabel('Type it again').fill(PASSPHRASE);
  await popup.getByRole('button', { name: 'Create the vault' }).click();
  await popup.getByRole('button', { name: 'Import a key' }).click();
  await popup.getByLabel('API key').fill(secret);
  await popup.getByLabel('Description (optional)').fill('bench');
  await popup.getByRole('button', { name: 'Check and save' }).click();
  await popup.getByText(`…${secret.slice(-6)}`).first().waitFor();
  await popup.getByRole('button', { name: 'Balance' }).click();
  const card = popup.locator(MARKER).filter({ hasText: BALANCE });
  await card.waitFor({ timeout: 30_000 });
  await popup.close();
  return BALANCE;
}

const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
export const median = (xs: number[]) => {
  const s = sorted(xs);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};
export const p90 = (xs: number[]) => sorted(xs)[Math.ceil(xs.length * 0.9) - 1]!;
export const round = (n: number) => Math.round(n * 10) / 10;
/** a / b, to two decimals. */
export const ratioOf = (a: number, b: number) => Math.round((a / b) * 100) / 100;
/** The report's verdict line for popup / blank. */
export const targetLine = (ratio: number) =>
  `popup / blank (medians): ${ratio}x, target <= ${TARGET_RATIO}x: ${ratio <= TARGET_RATIO ? 'met' : 'NOT met'}`;

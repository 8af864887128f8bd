// The mint flow in Chromium with a wallet implementation the project did not write:
// @johanneskares/wallet-mock (an EIP-6963 provider over a viem local account, installed into
// every page of the browser context, so into the signing tab the extension opens itself).
// The sandbox page's own wallet script is not served, so the foreign wallet is the only one.
import { createWallet, installMockWallet } from '@johanneskares/wallet-mock';
import type { Page } from 'playwright-core';
import { http } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { base } from 'viem/chains';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromiumWithSandbox, openPopupReadyToMint, pageErrorsOf, sendMessage, type ChromiumHarness, type Sandbox } from './harness/index';

const PASSPHRASE = 'copper-meadow-84-lantern';
const MINT_PATH = '/api/v1/api_keys/generate_web3_key';
const WAIT = 60_000;

interface ControlKey {
  last6Chars: string;
  apiKeyType: string;
  description: string;
  consumptionLimits: { usd: number | null; diem: number | null };
  limitPeriod: string;
}

describe('mint flow with a wallet the project did not write (@johanneskares/wallet-mock)', () => {
  let h: ChromiumHarness;
  let sandbox: Sandbox;
  let popup: Page;
  /** Every EIP-1193 method the foreign wallet was asked, in order, with the origin of the page that asked. */
  const asked: { method: string; origin: string }[] = [];

  const send = (name: string, input: unknown) => sendMessage(h, name, input);
  const panel = () => popup.getByTestId('mint-panel');
  const until = (value: string) => expect.poll(() => panel().getAttribute('data-status'), { timeout: WAIT }).toBe(value);
  async function press(name: string) {
    await popup.bringToFront();
    await panel().getByRole('button', { name }).click();
  }

  beforeAll(async () => {
    ({ h, sandbox } = await launchChromiumWithSandbox());
    // The project's own Sandbox Wallet stays out of the signing page: only the foreign wallet answers there.
    await h.context.route(`${sandbox.origin}/sandbox-wallet.js`, (route) => route.abort());
    const account = privateKeyToAccount(sandbox.wallets.staked.privateKey!);
    const foreign = createWallet(account, { [base.id]: http(sandbox.rpcUrl) }, base);
    // The package's own installer, on the context. Its one Node binding is exposed with the calling
    // page's origin recorded (exposeBinding instead of exposeFunction); the wallet itself is untouched.
    const recording = new Proxy(h.context, {
      get(target, prop) {
        if (prop === 'exposeFunction') {
          return (name: string, fn: (args: { method: string }) => unknown) =>
            target.exposeBinding(name, (source, args: { method: string }) => {
              asked.push({ method: args.method, origin: new URL(source.frame.url()).origin });
              return fn(args);
            });
        }
        const value: unknown = Reflect.get(target, prop);
        return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      },
    });
    await installMockWallet({ browserContext: recording, wallet: foreign });
    popup = await openPopupReadyToMint(h, sandbox, PASSPHRASE, WAIT);
  });
  afterAll(async () => {
    await h?.close();
    await sandbox?.stop();
  });

  it('mints an INFERENCE key with a USD cap and a monthly period, saved and shown in the popup', async () => {
    await press('Connect wallet');
    await until('ready');
    await expect.poll(() => panel().getByTestId('connected-address').innerText(), { timeout: WAIT }).toContain('with Mock Wallet');
    expect(await panel().getByTestId('connected-address').getAttribute('title')).toBe(privateKeyToAccount(sandbox.wallets.staked.privateKey!).address);
    await expect.poll(() => panel().getByTestId('eligibility').innerText(), { timeout: WAIT }).toContain('VVV staked');
    const signingTab = h.context.pages().find((p) => p.url().startsWith(sandbox.origin));
    expect(signingTab, 'the extension opened the signing tab on the sandbox origin').toBeDefined();

    // The options, as a person sets them: Inference, a USD cap of 25, reset every month.
    await popup.bringToFront();
    await panel().getByRole('radio', { name: /^Inference/ }).check();
    await panel().getByText('Expiry, spending limits and model privacy').click();
    await panel().getByLabel('USD spending limit (optional)').fill('25');
    await panel().getByLabel('Limits reset').selectOption('MONTH');
    const signsBefore = asked.filter((a) => a.method === 'personal_sign').length;
    await press('Mint API key');
    await until('saved');

    const saved = panel().getByTestId('mint-saved');
    const last6 = (await saved.getAttribute('data-last6'))!;
    expect(last6).toMatch(/^[\w-]{6}$/);
    expect(await saved.innerText()).toContain(last6);
    const posts = sandbox.requests.list().filter((r) => r.method === 'POST' && r.path === MINT_PATH);
    expect(posts.map((r) => r.status)).toEqual([200]);
    expect(asked.filter((a) => a.method === 'personal_sign').length - signsBefore).toBe(1);

    // The sandbox holds exactly one such key, with the limits chosen in the popup.
    const { keys } = (await (await fetch(`${sandbox.origin}/__sandbox/keys`)).json()) as { keys: ControlKey[] };
    const minted = keys.filter((k) => k.last6Chars === last6);
    expect(minted).toHaveLength(1);
    expect(minted[0]).toMatchObject({ apiKeyType: 'INFERENCE', limitPeriod: 'MONTH', consumptionLimits: { usd: 25, diem: null } });
    expect(minted[0]!.description).toMatch(/^Venice Key Wallet \d{4}-\d{2}-\d{2}$/);

    // The vault lists it with the same limits; nothing at rest holds the key, a token or a signature in plain.
    const vault = (await send('vault.status', {})) as { ok: true; output: { records: unknown[] } };
    expect(vault.output.records).toEqual([
      expect.objectContaining({ last6, source: 'minted', type: 'INFERENCE', limitPeriod: 'MONTH', limits: { usd: 25 } }),
    ]);
    const local = JSON.stringify(await h.dumpStorage('local'));
    const session = JSON.stringify(await h.dumpStorage('session'));
    expect(local).not.toMatch(/VENICE_(INFERENCE|ADMIN)_KEY_/);
    expect(session).not.toMatch(/VENICE_(INFERENCE|ADMIN)_KEY_|eyJ|0x[0-9a-fA-F]{130}/);
    expect(await pageErrorsOf(popup)).toEqual([]);
  });

  it('was asked only the methods the bridge forwards, and only by the signing tab', () => {
    expect(asked.length).toBeGreaterThan(0);
    expect(new Set(asked.map((a) => a.method))).toEqual(new Set(['eth_requestAccounts', 'eth_accounts', 'personal_sign']));
    expect(new Set(asked.map((a) => a.origin))).toEqual(new Set([sandbox.origin]));
  });
});

// The mint flow in Chromium, driven through the popup as a person would: connect the wallet in
// the signing tab the extension opens on the sandbox origin, see the stake, mint, see the key
// saved. Asserted too: what must never happen (a second mint, a re-sent mint after a restart,
// the key in plain at rest, a signature asked from another origin, a flow stuck in waiting).
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromiumWithSandbox, openPopupReadyToMint, pageErrorsOf, screenshot, sendMessage, type ChromiumHarness, type Sandbox } from './harness/index';
import { installTestWallet, type TestWallet } from './mint-wallet';

const PASSPHRASE = 'violet-harbor-51-lantern';
const MINT_PATH = '/api/v1/api_keys/generate_web3_key';

describe('mint flow in Chromium', () => {
  let h: ChromiumHarness;
  let sandbox: Sandbox;
  let wallet: TestWallet;
  let popup: Page;

  /** A contract call from an extension page (setup only; the flow itself is driven by clicks). */
  const send = (name: string, input: unknown) => sendMessage(h, name, input);
  const mintPosts = () => sandbox.requests.list().filter((r) => r.method === 'POST' && r.path === MINT_PATH);
  const panel = (page = popup) => page.getByTestId('mint-panel');
  const status = (page = popup) => panel(page).getAttribute('data-status');
  const until = (value: string, page = popup, timeout = 30_000) => expect.poll(() => status(page), { timeout }).toBe(value);
  const signingTab = () => h.context.pages().find((p) => p.url().startsWith(sandbox.origin));

  /** A person brings the popup to the front before clicking (a background tab also delays Playwright's checks). */
  async function press(name: string, page = popup) {
    await page.bringToFront();
    await panel(page).getByRole('button', { name }).click();
  }
  async function connect() {
    await press('Connect wallet');
    await until('ready');
  }
  async function backToIdle() {
    // Wait for a settled state first: a panel still loading its state would skip the right button.
    await expect.poll(() => status(), { timeout: 30_000 }).toMatch(/^(idle|saved|failed|ready)$/);
    const s = await status();
    if (s === 'saved') await press('Done');
    else if (s === 'failed') await press('Close');
    else if (s === 'ready') await press('Disconnect');
    await until('idle');
  }

  beforeAll(async () => {
    ({ h, sandbox } = await launchChromiumWithSandbox());
    wallet = await installTestWallet(h.context, sandbox.wallets.staked.privateKey!);
    popup = await openPopupReadyToMint(h, sandbox, PASSPHRASE, 30_000);
  });
  afterAll(async () => {
    await h?.close();
    await sandbox?.stop();
  });

  it('mints a key in one click, from a wallet asked only on the signing origin, and stores it encrypted', async () => {
    await connect();
    await expect.poll(() => panel().getByTestId('eligibility').innerText()).toContain('VVV staked');
    await expect.poll(() => panel().getByTestId('connected-address').innerText()).toContain(wallet.address.slice(0, 6));
    expect(signingTab(), 'the extension opened the signing tab on the sandbox origin').toBeDefined();

    await press('Mint API key');
    await until('saved');
    const saved = panel().getByTestId('mint-saved');
    const last6 = await saved.getAttribute('data-last6');
    expect(mintPosts()).toHaveLength(1);
    expect(mintPosts()[0]!.status).toBe(200);
    expect(wallet.signOrigins).toEqual([sandbox.origin]);
    const minted = Object.values(sandbox.state.data.keys).filter((k) => k.last6Chars === last6);
    expect(minted).toHaveLength(1);
    expect(minted[0]!.description).toMatch(/^Venice Key Wallet \d{4}-\d{2}-\d{2}$/);
    expect(minted[0]!.apiKeyType).toBe('INFERENCE');

    // The vault lists it; nothing at rest holds a key in plain; the flow state holds only its last six.
    const vault = (await send('vault.status', {})) as { ok: true; output: { records: { last6: string; source: string }[] } };
    expect(vault.output.records).toEqual([expect.objectContaining({ last6, source: 'minted' })]);
    const local = JSON.stringify(await h.dumpStorage('local'));
    const session = JSON.stringify(await h.dumpStorage('session'));
    expect(local).not.toMatch(/VENICE_(INFERENCE|ADMIN)_KEY_/);
    expect(session).not.toMatch(/VENICE_(INFERENCE|ADMIN)_KEY_|eyJ/);
    expect(session).toContain(last6!);
    expect(await pageErrorsOf(popup)).toEqual([]);
    await screenshot(popup, 'chromium-mint-saved');
  });

  it('mints one key for repeated clicks and a second popup', async () => {
    await backToIdle();
    await connect();
    const second = await h.openPopup();
    await until('ready', second);
    const before = mintPosts().length;
    sandbox.faults.add({ kind: 'latency', ms: 1500, method: 'POST', path: MINT_PATH });
    // Three clicks in the same instant, then one from the other popup.
    await popup.evaluate(() => {
      const button = document.querySelector<HTMLButtonElement>('[data-testid="mint-button"]')!;
      button.click();
      button.click();
      button.click();
    });
    await second.evaluate(() => document.querySelector<HTMLButtonElement>('[data-testid="mint-button"]')?.click());
    await until('saved');
    await until('saved', second);
    sandbox.faults.clear();
    expect(mintPosts().length - before).toBe(1);
    expect(await second.getByTestId('mint-saved').getAttribute('data-last6')).toBe(await popup.getByTestId('mint-saved').getAttribute('data-last6'));
    await second.close();
  });

  it('posts nothing when the person declines, and Try again returns to the form', async () => {
    await backToIdle();
    await connect();
    const before = mintPosts().length;
    wallet.signMode = 'decline';
    await press('Mint API key');
    await until('failed');
    await expect.poll(() => panel().getByRole('alert').innerText()).toContain('The request was declined in your wallet.');
    expect(mintPosts().length).toBe(before);
    wallet.signMode = 'approve';
    await press('Try again');
    await until('ready');
  });

  it('after "JWT has expired" asks for exactly one new signature, then succeeds', async () => {
    await backToIdle();
    await connect();
    const posts = mintPosts().length;
    const signs = wallet.signRequests;
    sandbox.clock.advance(16 * 60_000); // the prefetched token is now expired at Venice
    await press('Mint API key');
    await until('saved');
    const newPosts = mintPosts().slice(posts);
    expect(newPosts.map((r) => r.status)).toEqual([400, 200]);
    expect(wallet.signRequests - signs).toBe(2);
  });

  it('shows the grey "…" badge while the wallet is asked, and a cancel leaves nothing waiting', async () => {
    await backToIdle();
    await connect();
    wallet.signMode = 'hang';
    await press('Mint API key');
    await until('awaiting-signature');
    await expect.poll(async () => (await h.readBadge()).text, { timeout: 10_000 }).toBe('…');
    await press('Cancel');
    await until('idle');
    await expect.poll(async () => (await h.readBadge()).text, { timeout: 10_000 }).not.toBe('…');
    wallet.signMode = 'approve';
  });

  it('fails the flow when the wallet account changes while it is asked to sign', async () => {
    await connect();
    const before = mintPosts().length;
    wallet.signMode = 'hang';
    await press('Mint API key');
    await until('awaiting-signature');
    await wallet.switchTo(sandbox.wallets.liquid.privateKey!, signingTab()!);
    await until('failed');
    await expect.poll(() => panel().getByRole('alert').innerText()).toContain('account in your wallet changed');
    expect(mintPosts().length).toBe(before);
    wallet.signMode = 'approve';
    await wallet.switchTo(sandbox.wallets.staked.privateKey!, signingTab()!);
  });

  it.each([
    [429, 'Too many requests', 'Too many requests for now'],
    [500, 'Internal server error', 'Venice had a problem on its side'],
  ])('answers a %i on the mint with a sentence and a retry', async (code, error, sentence) => {
    await backToIdle();
    await connect();
    sandbox.faults.add({ kind: 'status', status: code, error, count: 1, method: 'POST', path: MINT_PATH });
    await press('Mint API key');
    await until('failed');
    await expect.poll(() => panel().getByRole('alert').innerText()).toContain(sentence);
    await press('Try again');
    await until('ready');
    sandbox.faults.clear();
  });

  it('after a worker restart during the mint request, says to check the keys and never re-sends', async () => {
    await backToIdle();
    await connect();
    const before = mintPosts().length;
    sandbox.faults.add({ kind: 'latency', ms: 4000, method: 'POST', path: MINT_PATH });
    await press('Mint API key');
    await until('minting');
    await h.stopServiceWorker();
    await popup.reload(); // the reopened popup wakes the worker, which resolves the orphaned state first
    await until('failed');
    await expect.poll(() => panel().getByRole('alert').innerText()).toMatch(/may have been created\. Check your keys on venice\.ai/);
    expect(await panel().getByRole('link', { name: 'Check your keys on venice.ai' }).isVisible()).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 5000));
    sandbox.faults.clear();
    // The request that was out may have reached the sandbox; nothing was sent after the restart.
    expect(mintPosts().length - before).toBeLessThanOrEqual(1);
  });

  it('asks for the passphrase before it asks the wallet', async () => {
    await backToIdle();
    await signingTab()?.close();
    const signs = wallet.signRequests;
    expect(await send('vault.lock', {})).toMatchObject({ ok: true }); // as the auto-lock does, popup open
    // The popup leaves the mint panel for its unlock screen; the background refuses to reach the
    // wallet too, should a start arrive anyway.
    await popup.getByTestId('mint-panel').waitFor({ state: 'detached', timeout: 30_000 });
    expect(await send('mint.start', {})).toMatchObject({ ok: true, output: { status: 'needs-unlock', vault: 'locked' } });
    expect(signingTab(), 'no signing tab before the vault is open').toBeUndefined();
    // The person unlocks in the popup, and the mint continues from there.
    await popup.bringToFront();
    await popup.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
    await popup.getByRole('button', { name: 'Unlock', exact: true }).click();
    await until('needs-unlock');
    await press('Continue');
    await until('ready');
    expect(wallet.signRequests).toBe(signs);
  });

  it('tells a wallet with VVV but no stake why it cannot mint, with the staking contract link', async () => {
    await backToIdle();
    await wallet.switchTo(sandbox.wallets.liquid.privateKey!, signingTab()!);
    await connect();
    await expect.poll(() => panel().getByTestId('eligibility').innerText()).toContain('none of it is staked');
    expect(await panel().getByRole('link', { name: 'Open the VVV staking contract' }).getAttribute('href')).toBe(
      'https://basescan.org/address/0x321b7ff75154472B18EDb199033fF4D116F340Ff',
    );
    expect(await panel().getByRole('button', { name: 'Mint API key' }).isDisabled()).toBe(true);
    await screenshot(popup, 'chromium-mint-not-staked');
  });

  it('asked the wallet for signatures only on the signing origin, the whole run long', () => {
    expect(wallet.signOrigins.length).toBeGreaterThan(5);
    expect(new Set(wallet.signOrigins)).toEqual(new Set([sandbox.origin]));
  });
});

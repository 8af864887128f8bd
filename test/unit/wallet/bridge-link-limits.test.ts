// No wait of the signing-tab bridge that involves no person is endless: a ping or an injection the
// browser never answers, or a tab that cannot be brought to the front, ends in a typed error (or is
// passed over) within its limit, instead of keeping the mint flow in `connecting` for 5 minutes.
import { afterEach, describe, expect, it } from 'vitest';
import { AppException } from '../../../lib/errors';
import type { WalletBrowser } from '../../../lib/wallet/browser-types';
import { defineStoredItems } from '../../../lib/storage/items';
import { createBridgeLink } from '../../../lib/wallet/bridge-link';
import { fakeWallet } from './fakes';
import { createHarness } from './harness';

const ORIGIN = 'http://127.0.0.1:4321';
const never = () => new Promise<never>(() => undefined);
const outcome = (p: Promise<unknown>) =>
  p.then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, code: error instanceof AppException ? error.code : String(error), error }),
  );

let cleanup: (() => void)[] = [];
afterEach(() => {
  for (const fn of cleanup) fn();
  cleanup = [];
});

function linkWith(patch: (browser: WalletBrowser) => WalletBrowser, limits = { setupTimeoutMs: 200, focusTimeoutMs: 50 }) {
  const wallet = fakeWallet();
  const harness = createHarness([wallet]);
  const link = createBridgeLink({ browser: patch(harness.browser), store: defineStoredItems().signingTab, origin: ORIGIN, ...limits });
  cleanup.push(() => link.dispose(), () => harness.cleanup());
  return { link, wallet, harness };
}

describe('bridge link: every wait that needs no person has a limit', () => {
  it('an injection the browser never answers ends in SIGNING_TAB_CLOSED within setupTimeoutMs', async () => {
    const { link } = linkWith((b) => ({ ...b, scripting: { executeScript: never } }) as unknown as WalletBrowser);
    const started = Date.now();
    const result = await outcome(link.request({ kind: 'discover' }));
    expect(result).toMatchObject({ ok: false, code: 'SIGNING_TAB_CLOSED' });
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('a ping the page never answers ends in SIGNING_TAB_CLOSED within setupTimeoutMs', async () => {
    // A ping goes only to a bridge whose hello was accepted: the first request brings one up, then the page stops answering.
    let hang = false;
    const { link } = linkWith(
      (b) => ({ ...b, tabs: { ...b.tabs, sendMessage: (...args: Parameters<typeof b.tabs.sendMessage>) => (hang ? never() : b.tabs.sendMessage(...args)) } }) as unknown as WalletBrowser,
    );
    expect(await outcome(link.request({ kind: 'discover' }))).toMatchObject({ ok: true });
    hang = true;
    const result = await outcome(link.request({ kind: 'discover' }));
    expect(result).toMatchObject({ ok: false, code: 'SIGNING_TAB_CLOSED' });
  });

  it('the error says nothing secret: no token, no signature, no key', async () => {
    const { link } = linkWith((b) => ({ ...b, scripting: { executeScript: never } }) as unknown as WalletBrowser);
    const result = await outcome(link.request({ kind: 'personal_sign', message: '0x65794a68624763694f694a49557a49314e694a392e', address: `0x${'11'.repeat(20)}` }));
    expect(result.ok).toBe(false);
    const text = JSON.stringify((result as { error: AppException }).error.toJSON());
    expect(text).not.toMatch(/0x65794a|eyJ|VENICE_/);
  });

  it('a tab that cannot be brought to the front does not hold back the wallet request', async () => {
    const { link, wallet } = linkWith(
      (b) => ({ ...b, tabs: { ...b.tabs, update: never }, windows: { ...(b as { windows?: object }).windows, update: never } }) as unknown as WalletBrowser,
    );
    const accounts = await link.request({ kind: 'eth_requestAccounts' });
    expect(accounts).toEqual([wallet.account.address]);
  });

  it('a healthy page still connects well within the limits', async () => {
    const { link, wallet } = linkWith((b) => b);
    await expect(link.request({ kind: 'discover' })).resolves.toEqual([wallet.info]);
  });
});

// The one browser, profile, sandbox and wallet every chaos attempt shares, and the ways to reach
// the extension from outside: protocol messages and storage reads from a page of the extension that
// runs none of its code (manifest.json), as the e2e harness does, kept open for the whole run.
import type { Page } from 'playwright-core';
import { launchChromium, type ChromiumHarness } from '../e2e/harness/chromium';
import { installTestWallet, type TestWallet } from '../e2e/mint-wallet';
import { startSandbox, type Sandbox } from '../sandbox/index';

export const PASSPHRASE = 'chaos-meadow-72-lantern';

type Area = 'local' | 'session';
interface ChromeLike {
  chrome: {
    runtime: { sendMessage(message: unknown): Promise<unknown> };
    storage: Record<Area, { get(keys: null | string): Promise<Record<string, unknown>>; set(v: object): Promise<void>; remove(k: string): Promise<void> }>;
  };
}

export interface World {
  sandbox: Sandbox;
  h: ChromiumHarness;
  wallet: TestWallet;
  /** Every console line and uncaught error of the browser's pages and the service worker. */
  logs: string[];
  /** Every URL a page of the browser requested or was at. */
  urls: string[];
  /** How many mint POSTs the extension's code made (fetch calls seen by the browser's protocol, the
   * service worker's included): a re-send inside the browser's network stack is not one of them. */
  readonly mintPosts: number;
  popup: Page | undefined;
  send(name: string, input?: unknown): Promise<{ ok: boolean; output?: unknown; error?: { code: string; message: string } }>;
  storage(area: Area): Promise<Record<string, unknown>>;
  /** Runs `fn` in the control page (an extension page running none of the extension's code). */
  inExtension<T, A>(fn: (arg: A) => Promise<T>, arg: A): Promise<T>;
  control(method: string, route: string, body?: unknown): Promise<unknown>;
  close(): Promise<void>;
}

export async function launchWorld(extensionDir?: string): Promise<World> {
  const sandbox = await startSandbox({ quiet: true });
  let h: ChromiumHarness;
  try {
    h = await launchChromium({ extensionDir });
  } catch (error) {
    await sandbox.stop();
    throw error;
  }
  const logs: string[] = [];
  const urls: string[] = [];
  let mintPosts = 0;
  const watchWorker = (w: { on(e: 'console', l: (m: { text(): string }) => void): unknown }) => w.on('console', (m) => logs.push(m.text()));
  h.context.on('console', (m) => logs.push(m.text()));
  h.context.on('weberror', (e) => logs.push(String(e.error())));
  h.context.on('request', (r) => {
    urls.push(r.url());
    if (r.method() === 'POST' && r.url().endsWith('/api_keys/generate_web3_key')) mintPosts += 1;
  });
  h.context.on('serviceworker', watchWorker);
  h.context.serviceWorkers().forEach(watchWorker);
  // tsx compiles with esbuild's keepNames: a function sent to a page (the wallet's init script) calls a
  // __name helper the page lacks. Vitest does not, so the e2e tests never need this.
  await h.context.addInitScript({ content: 'globalThis.__name = (target) => target;' });
  const wallet = await installTestWallet(h.context, sandbox.wallets.staked.privateKey!, 'Chaos Wallet');

  let controlPage: Page | undefined;
  const page = async (): Promise<Page> => {
    if (!controlPage || controlPage.isClosed()) controlPage = await h.openExtensionPage('manifest.json');
    return controlPage;
  };
  const inExtension = async <T, A>(fn: (arg: A) => Promise<T>, arg: A): Promise<T> =>
    (await page()).evaluate(fn as (arg: unknown) => Promise<T>, arg as unknown);

  const world: World = {
    sandbox,
    h,
    wallet,
    logs,
    urls,
    get mintPosts() {
      return mintPosts;
    },
    popup: undefined,
    send: (name, input = {}) =>
      inExtension(
        ([n, i]) => (globalThis as unknown as ChromeLike).chrome.runtime.sendMessage({ tag: 'venice-key-wallet/v1', name: n, input: i }),
        [name, input] as const,
      ) as Promise<{ ok: boolean; output?: unknown; error?: { code: string; message: string } }>,
    storage: (area) => inExtension((a) => (globalThis as unknown as ChromeLike).chrome.storage[a].get(null), area),
    inExtension,
    async control(method, route, body) {
      const res = await fetch(`${sandbox.origin}/__sandbox${route}`, {
        method,
        headers: body === undefined ? {} : { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      if (!res.ok) throw new Error(`sandbox ${method} ${route}: ${res.status}`);
      return res.json();
    },
    async close() {
      await h.close();
      await sandbox.stop();
    },
  };

  const settings = await world.send('settings.set', { patch: { apiBaseUrl: sandbox.apiUrl, rpcUrl: sandbox.rpcUrl } });
  if (!settings.ok) throw new Error(`settings.set failed: ${JSON.stringify(settings)}`);
  const vault = await world.send('vault.setup', { passphrase: PASSPHRASE, confirm: PASSPHRASE });
  if (!vault.ok) throw new Error(`vault.setup failed: ${JSON.stringify(vault)}`);
  return world;
}

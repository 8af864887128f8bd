// Secrets go only to the hosts a build uses (issue 14, items 1 and 3), in Chromium. An attacker
// runs a server that records everything it receives, and rewrites what anything able to write
// storage.local could rewrite:
//   (a) the settings' API address, set to the attacker;
//   (b) a key record: its type, name and address changed, and its envelope relabelled v1 (the
//       format whose additional data held only the id);
//   (c) only the record's apiBaseUrl, set to an address the sandbox build does allow
//       (http://127.0.0.1, another port), so only the record's authentication stops it.
// Each time the key is polled and asked for as the popup does; the attacker must receive nothing
// at all (so no key, token or signature), and the person is told in plain words.
// The attacker of (a) and (b) listens on 127.0.0.2: a host no build uses, as any other https
// host is to a store build (the sandbox build must accept 127.0.0.1 on any port, the sandbox's
// port being chosen at run time).
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mintKey } from '../sandbox/helpers';
import { launchChromiumWithSandbox, pageErrorsOf, pointAtSandbox, sendMessage, setUpVault, type ChromiumHarness, type Sandbox } from './harness/index';

const PASSPHRASE = 'harbor-quartz-63-lantern';
const RATE_LIMITS = 'GET /api/v1/api_keys/rate_limits';

interface Received {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

/** A server that answers 200 `{}` to everything and records every request in full. */
async function startRecorder(host: string, received: Received[]): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      received.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      res.writeHead(200, { 'content-type': 'application/json', 'access-control-allow-origin': '*' });
      res.end('{}');
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, () => resolve());
  });
  return { server, url: `http://${host}:${(server.address() as AddressInfo).port}/api/v1` };
}

interface ChromeLocal {
  chrome: { storage: { local: { set(items: Record<string, unknown>): Promise<void> } } };
}

type Envelope = { ok: true; output: unknown } | { ok: false; error: { code: string; message: string } };

describe('no key, token or signature reaches an attacker host (Chromium)', () => {
  let h: ChromiumHarness;
  let sandbox: Sandbox;
  const received: Received[] = [];
  const recorders: Server[] = [];
  let farHost: string; // http://127.0.0.2:P/api/v1: a host no build uses
  let nearHost: string; // http://127.0.0.1:P/api/v1: the sandbox build's host, another port
  let secret: string;
  let keyId: string;
  let original: unknown;

  const worker = () => h.getServiceWorker();
  const readLocal = async (key: string) => (await h.dumpStorage('local'))[key];
  const writeLocal = async (key: string, value: unknown) =>
    (await worker()).evaluate(
      ([k, v]) => (globalThis as unknown as ChromeLocal).chrome.storage.local.set({ [k]: v }),
      [key, value] as const,
    );
  const pollCalls = () => sandbox.requests.list().filter((r) => `${r.method} ${r.path}` === RATE_LIMITS);

  /** Polls the active key and asks for its secret, as the badge and the popup's Show do. */
  async function useTheKey(): Promise<{ refresh: Envelope; reveal: Envelope }> {
    const refresh = (await sendMessage(h, 'toolbar.refresh', {})) as Envelope;
    const reveal = (await sendMessage(h, 'vault.reveal', { id: keyId })) as Envelope;
    // Give a stray request time to arrive.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    return { refresh, reveal };
  }

  /**
   * Polls the key as the popup's Refresh does until it is really polled (the background refuses a
   * forced poll within 30 s of the last one: outcome 'too-soon').
   */
  async function pollsAtTheSandbox(): Promise<void> {
    sandbox.requests.clear();
    await expect
      .poll(async () => ((await sendMessage(h, 'toolbar.refresh', {})) as { output?: { outcome?: string } }).output?.outcome, { timeout: 60_000, interval: 5_000 })
      .toBe('polled');
    expect(pollCalls().length).toBeGreaterThan(0);
  }

  /** Nothing at all reached the attacker; were anything sent, the key would be in it. */
  function attackerGotNothing(): void {
    expect(received.map((r) => `${r.method} ${r.url}`)).toEqual([]);
    expect(JSON.stringify(received)).not.toContain(secret.slice(-12));
  }

  async function rewriteRecord(edit: (record: Record<string, unknown>) => void): Promise<void> {
    const vault = structuredClone(original) as { records: Array<Record<string, unknown>> };
    edit(vault.records[0]!);
    await writeLocal('vault', vault);
  }

  beforeAll(async () => {
    ({ h, sandbox } = await launchChromiumWithSandbox());
    const far = await startRecorder('127.0.0.2', received);
    const near = await startRecorder('127.0.0.1', received);
    recorders.push(far.server, near.server);
    farHost = far.url;
    nearHost = near.url;

    secret = await mintKey(sandbox, sandbox.wallets.staked, 'ADMIN');
    await pointAtSandbox(h, sandbox);
    await setUpVault(h, PASSPHRASE);
    const imported = (await sendMessage(h, 'vault.import', { secret, description: 'mine' })) as { ok: true; output: { id: string } };
    expect(imported).toMatchObject({ ok: true });
    keyId = imported.output.id;
    original = await readLocal('vault');
    // The record is sealed to its metadata (record envelope v2).
    expect(original).toMatchObject({ records: [{ id: keyId, apiBaseUrl: sandbox.apiUrl, type: 'ADMIN', secret: { v: 2 } }] });
  });

  afterAll(async () => {
    await h?.close();
    await sandbox?.stop();
    await Promise.all(recorders.map((server) => new Promise((resolve) => server.close(resolve))));
  });

  it('before any attack the key is polled at the sandbox and the attacker hears nothing', async () => {
    await pollsAtTheSandbox();
    const { reveal } = await useTheKey();
    expect(reveal).toEqual({ ok: true, output: { secret } });
    attackerGotNothing();
  });

  it('(a) an API address written into the settings is ignored, and the options page says so', async () => {
    const settings = (await readLocal('settings')) as Record<string, unknown>;
    await writeLocal('settings', { ...settings, apiBaseUrl: farHost, rpcUrl: farHost });

    const options = await h.openExtensionPage('options.html');
    const notice = options.getByTestId('address-refused');
    await notice.waitFor();
    expect(await notice.innerText()).toMatch(/was ignored: Venice API address, Base network RPC address\. .*sends no key, token or signature anywhere else/);
    expect(await options.getByLabel('Venice API address').inputValue()).toBe('https://api.venice.ai/api/v1');
    expect(await pageErrorsOf(options)).toEqual([]);
    await options.close();

    // The settings the background answers with are the defaults, not the attacker's.
    expect(await sendMessage(h, 'settings.get', {})).toMatchObject({ ok: true, output: { apiBaseUrl: 'https://api.venice.ai/api/v1' } });
    await useTheKey();
    attackerGotNothing();
    await writeLocal('settings', settings);
  });

  it('(b) a rewritten key record (type, name, address, envelope relabelled v1) is set aside and never used', async () => {
    await rewriteRecord((record) => {
      record.type = 'INFERENCE';
      record.description = 'attacker';
      record.apiBaseUrl = farHost;
      record.secret = { ...(record.secret as object), v: 1 };
    });
    sandbox.requests.clear();
    const { refresh, reveal } = await useTheKey();
    // The set-aside record is not offered to the poller at all.
    expect(refresh).toMatchObject({ ok: true, output: { outcome: 'no-key' } });
    expect(reveal).toMatchObject({ ok: false, error: { code: 'VAULT_RECORD_DAMAGED' } });
    expect(pollCalls()).toEqual([]);
    attackerGotNothing();

    const popup = await h.openPopup();
    await popup.getByRole('button', { name: 'Keys' }).click();
    await popup.getByText('One saved key could not be read and was set aside.').waitFor();
    expect(await popup.getByText('…' + secret.slice(-6)).count()).toBe(0);
    expect(await pageErrorsOf(popup)).toEqual([]);
    await popup.close();
  });

  it("(c) a record whose apiBaseUrl alone was rewritten, to a host this build allows, fails to open: VAULT_RECORD_CHANGED", async () => {
    await rewriteRecord((record) => {
      record.apiBaseUrl = nearHost;
    });
    sandbox.requests.clear();
    const { refresh, reveal } = await useTheKey();
    expect(refresh).toMatchObject({ ok: true, output: { outcome: 'no-key' } });
    expect(reveal).toMatchObject({ ok: false, error: { code: 'VAULT_RECORD_CHANGED', message: expect.stringMatching(/changed outside the extension/) } });
    expect(pollCalls()).toEqual([]);
    attackerGotNothing();

    const popup = await h.openPopup();
    await popup.getByRole('button', { name: 'Keys' }).click();
    const notice = popup.getByTestId('record-changed');
    await notice.waitFor();
    expect(await notice.innerText()).toMatch(/changed outside the extension.*not used and nothing is sent with it/);
    expect(await pageErrorsOf(popup)).toEqual([]);
    await popup.close();
  });

  it('the record as it was saved opens again and is polled at the sandbox', async () => {
    await writeLocal('vault', original);
    await pollsAtTheSandbox();
    const { reveal } = await useTheKey();
    expect(reveal).toEqual({ ok: true, output: { secret } });
    attackerGotNothing();
  });
});

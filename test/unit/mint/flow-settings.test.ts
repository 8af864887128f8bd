// One snapshot of the settings per mint flow (entrypoints/background/mint-ports.ts `flowSettings`):
// a change in the options mid-flow never sends one API's token to another, nor saves a key
// under a host that did not mint it.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { clientPort, flowSettings, vaultPort } from '../../../entrypoints/background/mint-ports';
import type { MintDeps } from '../../../lib/mint/deps';
import { SANDBOX_BUILD } from '../../../lib/settings/build-policy';
import { createMintRunner } from '../../../lib/mint/runner';
import { DEFAULT_SETTINGS, type Settings } from '../../../lib/settings/schema';
import type { Vault } from '../../../lib/vault/vault';
import { OPTIONS } from './fixtures';
import { fakeDeps } from './fakes';
import { until } from './runner-steps';

// Two sandboxes (the sandbox build's only other hosts: lib/settings/build-policy.ts).
const A = { apiBaseUrl: 'http://127.0.0.1:7001/api/v1', rpcUrl: 'http://127.0.0.1:8001' };
const B = { apiBaseUrl: 'http://127.0.0.1:7002/api/v1', rpcUrl: 'http://127.0.0.1:8002' };

function settingsReader(start: typeof A) {
  let current: Settings = { ...DEFAULT_SETTINGS, ...start };
  return { read: async () => current, set: (next: typeof A) => void (current = { ...current, ...next }) };
}

afterEach(() => vi.unstubAllGlobals());

describe('flowSettings', () => {
  it('reads the settings once per flow: a change mid-flow waits for the next flow', async () => {
    const settings = settingsReader(A);
    const flow = flowSettings(settings.read);
    flow.begin('f1');
    settings.set(B);
    await expect(flow.read()).resolves.toEqual(A);
    flow.begin('f1'); // the same flow seen again (after an unlock, a restart): the same snapshot
    await expect(flow.read()).resolves.toEqual(A);
    flow.begin('f2');
    await expect(flow.read()).resolves.toEqual(B);
  });

  it('the client and vault ports use the snapshot: token from the start API, record under it', async () => {
    const settings = settingsReader(A);
    const flow = flowSettings(settings.read);
    flow.begin('f1');
    settings.set(B);
    const urls: string[] = [];
    vi.stubGlobal('fetch', async (input: string | URL) => {
      urls.push(String(input));
      return new Response('{}', { status: 500 });
    });
    await expect(clientPort(flow.read, SANDBOX_BUILD).getWeb3Token()).rejects.toBeTruthy();
    expect(urls.length).toBeGreaterThan(0);
    for (const url of urls) expect(url.startsWith(A.apiBaseUrl)).toBe(true);

    const saved: unknown[] = [];
    const vault = { saveKey: async (meta: unknown) => (saved.push(meta), { id: 'r1', last6: 'abc123' }) } as unknown as Vault;
    const meta = { veniceId: 'v', apiKeyType: 'INFERENCE', description: 'd', walletAddress: '0x1', limits: {}, expiresAt: null, createdAt: new Date(0).toISOString() } as never;
    await vaultPort(vault, flow.read).saveKey(meta, 'VENICE_INFERENCE_KEY_abcdef123456');
    expect(saved).toEqual([expect.objectContaining({ apiBaseUrl: A.apiBaseUrl })]);
  });
});

describe('mint runner and the flow snapshot', () => {
  it('every step of a flow uses the settings of its start; the next start takes new ones', async () => {
    const settings = settingsReader(A);
    const flow = flowSettings(settings.read);
    const fake = fakeDeps();
    const used: string[] = [];
    const seen = async (step: string) => used.push(`${step} ${(await flow.read()).apiBaseUrl} ${(await flow.read()).rpcUrl}`);
    const { client, wallet, chain, vault } = fake.deps;
    const deps: MintDeps = {
      ...fake.deps,
      beginFlow: flow.begin,
      client: {
        getWeb3Token: async () => (await seen('token'), client.getWeb3Token()),
        mintWeb3Key: async (body) => (await seen('mint'), client.mintWeb3Key(body)),
      },
      wallet: { ...wallet, connect: async (id) => (await seen('connect'), wallet.connect(id)), sign: async (m, a) => (await seen('sign'), wallet.sign(m, a)) },
      chain: { readEligibility: async (address) => (await seen('chain'), chain.readEligibility(address)) },
      vault: { ...vault, saveKey: async (meta, secret) => (await seen('save'), vault.saveKey(meta, secret)) },
    };
    const runner = createMintRunner(deps);
    await runner.start();
    settings.set(B); // the options change while the wallet connects
    await until(fake, 'ready');
    await runner.confirm(OPTIONS);
    await until(fake, 'saved');
    expect(used.length).toBeGreaterThanOrEqual(6);
    for (const entry of used) expect(entry).toMatch(/ http:\/\/127\.0\.0\.1:7001\/api\/v1 http:\/\/127\.0\.0\.1:8001$/);

    used.length = 0;
    await runner.cancel();
    await runner.start();
    await until(fake, 'ready');
    expect(used.length).toBeGreaterThan(0);
    for (const entry of used) expect(entry).toMatch(/ http:\/\/127\.0\.0\.1:7002\/api\/v1 http:\/\/127\.0\.0\.1:8002$/);
  });
});

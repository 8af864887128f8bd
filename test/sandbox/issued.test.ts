// sandbox.issued: every secret the sandbox hands out (minted and created keys, web3 tokens) and the
// raw request targets, kept in process for the chaos run's leak checks and served by no route.
import { Agent, request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { control, mintKey } from './helpers';
import { type Sandbox, startSandbox } from './index';

let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await startSandbox({ quiet: true });
});
afterAll(() => sandbox?.stop());

describe('issued secrets', () => {
  it('records the key secret of a web3 mint and the token it was signed over', async () => {
    sandbox.issued.clear();
    const secret = await mintKey(sandbox, sandbox.wallets.staked, 'INFERENCE');
    expect(sandbox.issued.keys()).toEqual([secret]);
    const [token] = sandbox.issued.tokens();
    expect(sandbox.issued.tokens()).toHaveLength(1);
    expect(token).toMatch(/^eyJ/);
  });

  it('records a key created with an admin key, and the query string of a request', async () => {
    const admin = await mintKey(sandbox, sandbox.wallets.staked, 'ADMIN');
    sandbox.issued.clear();
    const created = await fetch(`${sandbox.apiUrl}/api_keys`, {
      method: 'POST',
      headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
      body: JSON.stringify({ apiKeyType: 'INFERENCE', description: 'issued test' }),
    });
    const body = (await created.json()) as { data: { apiKey: string } };
    expect(sandbox.issued.keys()).toEqual([body.data.apiKey]);
    await fetch(`${sandbox.apiUrl}/api_keys?probe=visible`);
    expect(sandbox.issued.targets()).toContain('/api/v1/api_keys?probe=visible');
  });

  it('records each mint with its signature and the connection it came on (numbered, with a count of requests on it)', async () => {
    sandbox.issued.clear();
    sandbox.requests.clear();
    await mintKey(sandbox, sandbox.wallets.staked, 'INFERENCE');
    const mint = sandbox.issued.mints()[0]!;
    expect(mint.signature).toMatch(/^0x[0-9a-f]{130}$/);
    expect(sandbox.state.data.keys[mint.keyId]).toBeDefined();
    const post = sandbox.requests.list().find((r) => r.method === 'POST' && r.path.endsWith('/generate_web3_key'));
    expect(post?.connection).toEqual(mint.connection);
  });

  it('numbers the connections and counts the requests each one carried', async () => {
    sandbox.requests.clear();
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const get = (path: string) =>
      new Promise<void>((resolve, reject) => {
        request(`${sandbox.apiUrl}${path}`, { agent }, (res) => res.resume().on('end', resolve)).on('error', reject).end();
      });
    await get('/models');
    await get('/models');
    agent.destroy();
    await get('/models');
    const [first, second, third] = sandbox.requests.list().map((r) => r.connection);
    expect(second).toEqual({ id: first?.id, request: 2 });
    expect(first?.request).toBe(1);
    expect(third?.request).toBe(1);
    expect(third?.id).toBeGreaterThan(first?.id ?? Infinity);
  });

  it('is served by no control route', async () => {
    sandbox.issued.clear();
    const secret = await mintKey(sandbox, sandbox.wallets.staked, 'INFERENCE');
    for (const route of ['/keys', '/requests', '/faults', '/accounts']) {
      expect(JSON.stringify(await control(sandbox.origin, 'GET', route))).not.toContain(secret);
    }
  });
});

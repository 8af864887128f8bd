// sandbox.issued: every secret the sandbox hands out (minted and created keys, web3 tokens) and the
// raw request targets, kept in process for the chaos run's leak checks and served by no route.
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

  it('is served by no control route', async () => {
    sandbox.issued.clear();
    const secret = await mintKey(sandbox, sandbox.wallets.staked, 'INFERENCE');
    for (const route of ['/keys', '/requests', '/faults', '/accounts']) {
      expect(JSON.stringify(await control(sandbox.origin, 'GET', route))).not.toContain(secret);
    }
  });
});

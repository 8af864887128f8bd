// The state file: a sandbox restarted on the same file keeps accounts, keys and its JWT secret;
// the file never holds a key's secret. Also: a fixed port, and a refused state file.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { privateKeyToAccount } from 'viem/accounts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from './chain/freePort';
import { apiOf, control, mintKey } from './helpers';
import { type Sandbox, startSandbox } from './index';

let dir: string;
const running: Sandbox[] = [];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'venice-sandbox-state-'));
});
afterAll(async () => {
  await Promise.all(running.map((sandbox) => sandbox.stop()));
  await rm(dir, { recursive: true, force: true });
});

async function start(stateFile: string, port?: number): Promise<Sandbox> {
  const sandbox = await startSandbox({ stateFile, port, quiet: true });
  running.push(sandbox);
  return sandbox;
}

const anvilAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('state file', () => {
  it('survives a restart: keys, edits, balances and outstanding tokens', async () => {
    const file = join(dir, 'state.json');
    const first = await start(file);
    const api = apiOf(first);
    const admin = await mintKey(first, first.wallets.staked, 'ADMIN');
    const created = await api('POST', '/api_keys', { key: admin, body: { apiKeyType: 'INFERENCE', description: 'before restart' } });
    await api('PATCH', '/api_keys', { key: admin, body: { id: created.body.data.id, consumptionLimit: { usd: 7 } } });
    await control(first.origin, 'POST', `/accounts/${first.wallets.staked.address}/balance`, { usd: 42 });
    const pending = (await api('GET', '/api_keys/generate_web3_key')).body.data.token as string;
    await first.stop();
    expect(anvilAlive(first.anvilPid)).toBe(false);

    const text = await readFile(file, 'utf8');
    expect(text).not.toContain(admin);
    expect(text).not.toContain(created.body.data.apiKey);
    expect(text).not.toContain('VENICE_');
    expect(JSON.parse(text)).toMatchObject({ version: 1 });

    const second = await start(file);
    const again = apiOf(second);
    const record = await again('GET', `/api_keys/${created.body.data.id}`, { key: admin });
    expect(record.status).toBe(200);
    expect(record.body.data).toMatchObject({ description: 'before restart', consumptionLimits: { usd: 7 } });
    expect((await again('GET', '/billing/balance', { key: admin })).body.balances.usd).toBe(42);
    const { staked } = second.wallets;
    const signature = await privateKeyToAccount(staked.privateKey as `0x${string}`).signMessage({ message: pending });
    const minted = await again('POST', '/api_keys/generate_web3_key', { body: { address: staked.address, signature, token: pending, apiKeyType: 'INFERENCE' } });
    expect(minted.status).toBe(200);
    const list = await again('GET', '/api_keys', { key: admin });
    expect(list.body.data.map((key: { id: string }) => key.id)).toContain(minted.body.data.id);
    await second.stop();
  });

  it('refuses a file that is not a sandbox state file, and leaves it as it was', async () => {
    const file = join(dir, 'not-state.json');
    await writeFile(file, '{"hello": "world"}');
    await expect(startSandbox({ stateFile: file, quiet: true })).rejects.toThrow('is not a sandbox state file');
    expect(await readFile(file, 'utf8')).toBe('{"hello": "world"}');
  });
});

describe('options', () => {
  it('serves on the port it is given', async () => {
    const port = await freePort();
    const sandbox = await start(join(dir, 'port.json'), port);
    expect(sandbox.apiUrl).toBe(`http://127.0.0.1:${port}/api/v1`);
    expect(sandbox.origin).toBe(`http://127.0.0.1:${port}`);
    expect((await fetch(`${sandbox.apiUrl}/api_keys/generate_web3_key`)).status).toBe(200);
    await sandbox.stop();
  });
});

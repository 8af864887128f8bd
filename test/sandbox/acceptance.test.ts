// Black-box acceptance: runs `npm run sandbox` as a child process and drives it with nothing but
// fetch and viem's privateKeyToAccount.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { type Hex } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from './helpers';

interface Printed {
  api: string;
  rpc: string;
  wallets: Record<'staked' | 'liquid' | 'empty', { address: Hex; privateKey: Hex }>;
  stdoutLines: string[];
}

const OUR_LINES = [
  /^sandbox api: (http:\/\/127\.0\.0\.1:\d+\/api\/v1)$/,
  /^sandbox rpc: (http:\/\/127\.0\.0\.1:\d+)$/,
  /^sandbox wallet staked: (0x[0-9a-fA-F]{40}) (0x[0-9a-f]{64})$/,
  /^sandbox wallet liquid: (0x[0-9a-fA-F]{40}) (0x[0-9a-f]{64})$/,
  /^sandbox wallet empty: (0x[0-9a-fA-F]{40}) (0x[0-9a-f]{64})$/,
];

function waitForLines(child: ChildProcess, timeoutMs: number): Promise<Printed> {
  return new Promise((resolve, reject) => {
    let stdout = '';
    const timer = setTimeout(() => reject(new Error(`sandbox did not print its lines in time; stdout so far:\n${stdout}`)), timeoutMs);
    child.once('exit', (code) => reject(new Error(`sandbox exited early with ${code}`)));
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const lines = stdout.split('\n');
      const start = lines.findIndex((line) => line.startsWith('sandbox api: '));
      if (start < 0 || lines.length < start + 6) return;
      clearTimeout(timer);
      const ours = lines.slice(start, start + 5);
      const groups = ours.map((line, index) => OUR_LINES[index]?.exec(line));
      if (groups.some((match) => !match)) return reject(new Error(`unexpected sandbox lines:\n${ours.join('\n')}`));
      const wallet = (index: number) => ({ address: groups[index]?.[1] as Hex, privateKey: groups[index]?.[2] as Hex });
      resolve({
        api: groups[0]?.[1] ?? '',
        rpc: groups[1]?.[1] ?? '',
        wallets: { staked: wallet(2), liquid: wallet(3), empty: wallet(4) },
        stdoutLines: lines.slice(0, start),
      });
    });
  });
}

describe('npm run sandbox (black box)', () => {
  let child: ChildProcess;
  let printed: Printed;
  let origin: string;
  const api = (method: string, path: string, options?: Parameters<typeof call>[3]) => call(printed.api, method, path, options);
  const token = async () => (await api('GET', '/api_keys/generate_web3_key')).body.data.token as string;
  const sign = (privateKey: Hex, message: string) => privateKeyToAccount(privateKey).signMessage({ message });
  const mint = (body: Record<string, unknown>) => api('POST', '/api_keys/generate_web3_key', { body: { apiKeyType: 'INFERENCE', ...body } });

  beforeAll(async () => {
    child = spawn('npm', ['run', 'sandbox'], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, SANDBOX_QUIET: '1', SANDBOX_PORT: '' } });
    child.stderr?.resume();
    printed = await waitForLines(child, 50_000);
    origin = new URL(printed.api).origin;
  }, 60_000);

  afterAll(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });

  it('prints nothing on stdout before its lines but npm’s own banner', () => {
    const foreign = printed.stdoutLines.filter((line) => line.trim() !== '' && !line.startsWith('> '));
    expect(foreign).toEqual([]);
  });

  it('mints an INFERENCE key for the staked wallet', async () => {
    const t = await token();
    const answer = await mint({ address: printed.wallets.staked.address, signature: await sign(printed.wallets.staked.privateKey, t), token: t });
    expect(answer.status).toBe(200);
    expect(answer.body.data.apiKey).toMatch(/^VENICE_INFERENCE_KEY_/);
  });

  it('refuses the liquid wallet: it holds VVV but has staked none', async () => {
    const t = await token();
    const answer = await mint({ address: printed.wallets.liquid.address, signature: await sign(printed.wallets.liquid.privateKey, t), token: t });
    expect(answer.status).toBe(400);
    expect(answer.body.error).toContain('has no staked VVV on Base');
  });

  it('refuses a tampered token and a signature from another wallet', async () => {
    const t = await token();
    const [head, payload, signature = ''] = t.split('.');
    const middle = Math.floor(signature.length / 2);
    const flipped = `${signature.slice(0, middle)}${signature[middle] === 'A' ? 'B' : 'A'}${signature.slice(middle + 1)}`;
    const tampered = `${head}.${payload}.${flipped}`;
    const { staked, liquid } = printed.wallets;
    const bad = await mint({ address: staked.address, signature: await sign(staked.privateKey, tampered), token: tampered });
    expect([bad.status, bad.body.error]).toEqual([400, 'JWT signature is invalid']);
    const mismatch = await mint({ address: staked.address, signature: await sign(liquid.privateKey, t), token: t });
    expect([mismatch.status, mismatch.body.error]).toEqual([400, 'Wallet signature does not match']);
  });

  it('refuses a token once the sandbox clock has passed its 15 minutes', async () => {
    const t = await token();
    const signature = await sign(printed.wallets.staked.privateKey, t);
    const moved = await fetch(`${origin}/__sandbox/clock`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ advanceMs: 16 * 60_000 }) });
    expect(moved.status).toBe(200);
    const answer = await mint({ address: printed.wallets.staked.address, signature, token: t });
    expect([answer.status, answer.body.error]).toEqual([400, 'JWT has expired']);
  });

  it('gives an INFERENCE key 401 on GET /api_keys and limits creations to 20 a minute', async () => {
    const { staked } = printed.wallets;
    const t1 = await token();
    const inference = await mint({ address: staked.address, signature: await sign(staked.privateKey, t1), token: t1 });
    const denied = await api('GET', '/api_keys', { key: inference.body.data.apiKey });
    expect([denied.status, denied.body.error]).toEqual([401, 'Admin API key required']);

    const t2 = await token();
    const admin = await mint({ address: staked.address, signature: await sign(staked.privateKey, t2), token: t2, apiKeyType: 'ADMIN' });
    expect(admin.body.data.apiKey).toMatch(/^VENICE_ADMIN_KEY_/);
    const create = () => api('POST', '/api_keys', { key: admin.body.data.apiKey, body: { apiKeyType: 'INFERENCE', description: 'burst' } });
    const statuses: number[] = [];
    for (let i = 0; i < 20; i += 1) statuses.push((await create()).status);
    expect(statuses).toEqual(Array(20).fill(200));
    const over = await create();
    expect(over.status).toBe(429);
    const reset = Number(over.headers.get('x-ratelimit-reset-requests'));
    expect(reset).toBeGreaterThan(Date.now() / 1000 - 60); // Unix seconds (on the sandbox clock)
    expect(String(reset)).toMatch(/^\d{10}$/);
  });

  it('stops on SIGTERM and takes anvil with it', async () => {
    const rpcPort = new URL(printed.rpc).port;
    const exited = new Promise<[number | null, NodeJS.Signals | null]>((resolve) => child.once('exit', (code, signal) => resolve([code, signal])));
    child.kill('SIGTERM'); // to npm only, as a script or CI runner would
    const [code, signal] = await exited;
    // npm re-raises the signal it got; the sandbox under it sees npm go and stops.
    expect(code === 0 || signal === 'SIGTERM').toBe(true);
    const anvilRunning = () => {
      try {
        return execFileSync('pgrep', ['-f', `anvil.*--port ${rpcPort}( |$)`]).toString().trim() !== '';
      } catch {
        return false; // pgrep exits 1 when nothing matches
      }
    };
    const deadline = Date.now() + 8_000;
    while (anvilRunning() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(anvilRunning()).toBe(false);
    const answers = async (url: string) => fetch(url, { method: 'POST', body: '{}' }).then(() => true, () => false);
    expect(await answers(printed.rpc)).toBe(false);
    expect(await answers(`${printed.api}/api_keys/generate_web3_key`)).toBe(false);
  }, 20_000);
});

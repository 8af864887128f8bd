// Starts a real anvil node (from the npm package @foundry-rs/anvil) as Base (chain id 8453).
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { freePort } from './freePort';

export interface AnvilNode {
  rpcUrl: string;
  port: number;
  pid: number;
  stop(): Promise<void>;
}

const require = createRequire(import.meta.url);

/** The platform binary itself, so that stopping it needs no signal forwarding through a wrapper. */
export function anvilBinary(): string {
  const arch = process.arch === 'x64' ? 'amd64' : process.arch;
  try {
    const pkg = require.resolve(`@foundry-rs/anvil-${process.platform}-${arch}/package.json`);
    const binary = join(dirname(pkg), 'bin', process.platform === 'win32' ? 'anvil.exe' : 'anvil');
    if (existsSync(binary)) return binary;
  } catch {
    // fall through to the wrapper script
  }
  return join(dirname(require.resolve('@foundry-rs/anvil/package.json')), 'bin.mjs');
}

async function waitForRpc(rpcUrl: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`anvil exited early with code ${child.exitCode}`);
    try {
      const response = await fetch(rpcUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'eth_chainId', params: [] }),
      });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('anvil did not answer in time');
}

function stopper(child: ChildProcess): () => Promise<void> {
  const onExit = () => child.kill('SIGKILL');
  process.once('exit', onExit);
  return async () => {
    process.removeListener('exit', onExit);
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
    await exited;
    clearTimeout(timer);
  };
}

export async function startAnvil(): Promise<AnvilNode> {
  let lastError: unknown;
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const port = await freePort();
    const args = ['--chain-id', '8453', '--host', '127.0.0.1', '--port', String(port), '--silent'];
    // Own process group: a Ctrl-C in a terminal reaches the sandbox, which then stops anvil itself.
    const child = spawn(anvilBinary(), args, { stdio: ['ignore', 'ignore', 'pipe'], detached: true });
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-2000)));
    const stop = stopper(child);
    const rpcUrl = `http://127.0.0.1:${port}`;
    try {
      await waitForRpc(rpcUrl, child, 15_000);
      if (child.pid === undefined) throw new Error('anvil has no pid');
      return { rpcUrl, port, pid: child.pid, stop };
    } catch (error) {
      lastError = new Error(`${(error as Error).message}${stderr ? `: ${stderr.trim()}` : ''}`);
      await stop();
    }
  }
  throw lastError;
}

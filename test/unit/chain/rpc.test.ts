// The worker's one JSON-RPC request: against a real local HTTP server, what is retried
// (the RPC not reached) and what is not (the chain's own JSON-RPC error).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ethCall, rpcRequest, RpcResponseError, RpcUnreachableError } from '../../../lib/chain/rpc';

/** What the server answers next, one entry per request (the last one repeats). */
let script: Array<{ status: number; body: string } | 'hang'> = [];
let received: Array<{ method: string; params: unknown[]; contentType: string | undefined }> = [];
let server: Server;
let url: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      const { method, params } = JSON.parse(body) as { method: string; params: unknown[] };
      received.push({ method, params, contentType: req.headers['content-type'] });
      const next = script.length > 1 ? script.shift()! : script[0]!;
      if (next === 'hang') return;
      res.writeHead(next.status, { 'content-type': 'application/json' }).end(next.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});
beforeEach(() => {
  received = [];
});

const ok = (result: unknown) => ({ status: 200, body: JSON.stringify({ jsonrpc: '2.0', id: 1, result }) });
const rpcError = { status: 200, body: JSON.stringify({ jsonrpc: '2.0', id: 1, error: { code: 3, message: 'execution reverted' } }) };

describe('rpcRequest', () => {
  it('posts one JSON-RPC request and resolves with its result', async () => {
    script = [ok('0x2a')];
    await expect(ethCall({ url, timeoutMs: 2_000 }, { to: '0x00000000000000000000000000000000000000aa', data: '0x01' })).resolves.toBe('0x2a');
    expect(received).toEqual([{ method: 'eth_call', params: [{ to: '0x00000000000000000000000000000000000000aa', data: '0x01' }, 'latest'], contentType: 'application/json' }]);
  });

  it('throws the chain’s JSON-RPC error at once, never retried', async () => {
    script = [rpcError, ok('0x01')];
    const error = await rpcRequest({ url, timeoutMs: 2_000 }, 'eth_call', []).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RpcResponseError);
    expect((error as RpcResponseError).code).toBe(3);
    expect(received).toHaveLength(1);
  });

  it('tries once more after an HTTP error, and then gives up', async () => {
    script = [{ status: 503, body: 'busy' }, ok('0x01')];
    await expect(rpcRequest({ url, timeoutMs: 2_000 }, 'eth_blockNumber', [])).resolves.toBe('0x01');
    expect(received).toHaveLength(2);
    received = [];
    script = [{ status: 500, body: 'down' }];
    await expect(rpcRequest({ url, timeoutMs: 2_000 }, 'eth_blockNumber', [])).rejects.toBeInstanceOf(RpcUnreachableError);
    expect(received).toHaveLength(2);
  });

  it('counts a JSON-RPC error sent with a non-2xx status as not reached, and tries once more', async () => {
    script = [{ status: 429, body: JSON.stringify({ jsonrpc: '2.0', id: 1, error: { code: -32005, message: 'rate limited' } }) }, ok('0x01')];
    await expect(rpcRequest({ url, timeoutMs: 2_000 }, 'eth_blockNumber', [])).resolves.toBe('0x01');
    expect(received).toHaveLength(2);
  });

  it('names neither the URL nor the request (a signature) in the error it throws', async () => {
    const secret = '0x' + 'ab'.repeat(65);
    for (const next of [{ status: 500, body: 'down' }, 'hang' as const, { status: 200, body: '<html>' }]) {
      script = [next];
      const error = await rpcRequest({ url, timeoutMs: 200, retries: 0 }, 'eth_call', [{ data: secret }, 'latest']).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(RpcUnreachableError);
      const told = [error, (error as Error).cause].map((e) => (e instanceof Error ? `${e.message} ${e.stack ?? ''}` : String(e ?? ''))).join(' ');
      expect(told).not.toContain(secret.slice(2, 40));
      expect(told).not.toContain(url);
    }
  });

  it('times each attempt out', async () => {
    script = ['hang'];
    const started = Date.now();
    await expect(rpcRequest({ url, timeoutMs: 200 }, 'eth_blockNumber', [])).rejects.toBeInstanceOf(RpcUnreachableError);
    expect(received).toHaveLength(2);
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('counts an answer that is not JSON-RPC as not reached', async () => {
    script = [{ status: 200, body: '{"jsonrpc":"2.0","id":1}' }];
    await expect(rpcRequest({ url, timeoutMs: 2_000, retries: 0 }, 'eth_blockNumber', [])).rejects.toBeInstanceOf(RpcUnreachableError);
    script = [{ status: 200, body: '<html>' }];
    await expect(rpcRequest({ url, timeoutMs: 2_000, retries: 0 }, 'eth_blockNumber', [])).rejects.toBeInstanceOf(RpcUnreachableError);
  });

  it('reports nothing listening as not reached', async () => {
    await expect(rpcRequest({ url: 'http://127.0.0.1:9', timeoutMs: 500 }, 'eth_blockNumber', [])).rejects.toBeInstanceOf(RpcUnreachableError);
  });
});

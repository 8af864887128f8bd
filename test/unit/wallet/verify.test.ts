// The local signature check, with real viem signatures: offline for an ordinary account,
// and on the sandbox chain (a real anvil as Base) for a tampered one and for an ERC-1271 wallet.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, http, serializeErc6492Signature, type Hex } from 'viem';
import { verifyMessage } from 'viem/actions';
import { privateKeyToAccount } from 'viem/accounts';
import { AppException } from '../../../lib/errors';
import { verifySignature } from '../../../lib/wallet/verify';
import { startSandbox, type Sandbox } from '../../sandbox';
import { KEY_A, KEY_B } from './fakes';

const TOKEN = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ0ZXN0In0.c2lnbmF0dXJl';
const NO_RPC = 'http://127.0.0.1:9';
const signer = privateKeyToAccount(KEY_A);

/** Flips one bit of the signature's `s` half: still well formed, no longer the signer's. */
const tamper = (signature: Hex): Hex => {
  const at = 2 + 64 + 10;
  const flipped = (parseInt(signature[at]!, 16) ^ 1).toString(16);
  return `${signature.slice(0, at)}${flipped}${signature.slice(at + 1)}` as Hex;
};
const codeOf = (error: unknown) => (error instanceof AppException ? error.code : String(error));

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ quiet: true });
});
afterAll(async () => {
  await sandbox?.stop();
});

/** A JSON-RPC endpoint that answers eth_getCode and fails every eth_call with `error` (HTTP 200). */
async function rpcFailingCalls(error: { code: number; message: string }): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      const { id, method } = JSON.parse(body) as { id: number; method: string };
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify(method === 'eth_call' ? { jsonrpc: '2.0', id, error } : { jsonrpc: '2.0', id, result: '0x' }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => new Promise((r) => server.close(() => r())) };
}

describe('verifySignature', () => {
  it('says the chain could not answer, not "mismatch", when the check call fails with a JSON-RPC error that is no revert', async () => {
    const signature = tamper(await signer.signMessage({ message: TOKEN }));
    const limited = await rpcFailingCalls({ code: -32005, message: 'request limit exceeded' });
    const reverting = await rpcFailingCalls({ code: -32000, message: 'execution reverted' });
    try {
      const codes = await Promise.all([limited, reverting].map((rpc) =>
        verifySignature({ address: signer.address, message: TOKEN, signature, rpcUrl: rpc.url }).catch(codeOf)));
      expect(codes).toEqual(['RPC_UNREACHABLE', 'SIGNATURE_LOCAL_MISMATCH']);
    } finally {
      await Promise.all([limited.close(), reverting.close()]);
    }
  });

  it('accepts a real personal_sign signature offline (no RPC needed)', async () => {
    const signature = await signer.signMessage({ message: TOKEN });
    await expect(verifySignature({ address: signer.address, message: TOKEN, signature, rpcUrl: NO_RPC })).resolves.toBe('eoa');
  });

  it('rejects a tampered signature, as Base confirms', async () => {
    const signature = tamper(await signer.signMessage({ message: TOKEN }));
    const attempt = verifySignature({ address: signer.address, message: TOKEN, signature, rpcUrl: sandbox.rpcUrl });
    await expect(attempt.catch(codeOf)).resolves.toBe('SIGNATURE_LOCAL_MISMATCH');
  });

  it('rejects a signature of another message or by another account', async () => {
    const other = privateKeyToAccount(KEY_B);
    const byOther = await other.signMessage({ message: TOKEN });
    const ofOther = await signer.signMessage({ message: `${TOKEN}x` });
    for (const signature of [byOther, ofOther]) {
      const attempt = verifySignature({ address: signer.address, message: TOKEN, signature, rpcUrl: sandbox.rpcUrl });
      await expect(attempt.catch(codeOf)).resolves.toBe('SIGNATURE_LOCAL_MISMATCH');
    }
  });

  it('says RPC_UNREACHABLE, not mismatch, when a non-EOA signature cannot be checked', async () => {
    const signature = tamper(await signer.signMessage({ message: TOKEN }));
    const attempt = verifySignature({ address: signer.address, message: TOKEN, signature, rpcUrl: NO_RPC, timeoutMs: 500 });
    await expect(attempt.catch(codeOf)).resolves.toBe('RPC_UNREACHABLE');
  });

  it('accepts an ERC-1271 smart-contract wallet signature, checked on the chain', async () => {
    const wallet = sandbox.wallets.contract;
    const owner = privateKeyToAccount(wallet.privateKey!);
    const signature = await owner.signMessage({ message: TOKEN });
    await expect(verifySignature({ address: wallet.address, message: TOKEN, signature, rpcUrl: sandbox.rpcUrl })).resolves.toBe('contract');
    const forged = await privateKeyToAccount(KEY_B).signMessage({ message: TOKEN });
    const attempt = verifySignature({ address: wallet.address, message: TOKEN, signature: forged, rpcUrl: sandbox.rpcUrl });
    await expect(attempt.catch(codeOf)).resolves.toBe('SIGNATURE_LOCAL_MISMATCH');
  });

  it('accepts an ERC-6492 wrapped signature of a deployed contract wallet, and rejects a wrapped forgery', async () => {
    const wallet = sandbox.wallets.contract;
    const owner = privateKeyToAccount(wallet.privateKey!);
    // The validator unwraps the signature; the wallet has code, so the factory is not called.
    const wrap = (signature: Hex) => serializeErc6492Signature({ address: `0x${'fa'.repeat(20)}`, data: '0xdeadbeef', signature });
    const signature = wrap(await owner.signMessage({ message: TOKEN }));
    await expect(verifySignature({ address: wallet.address, message: TOKEN, signature, rpcUrl: sandbox.rpcUrl })).resolves.toBe('contract');
    const forged = wrap(await privateKeyToAccount(KEY_B).signMessage({ message: TOKEN }));
    const attempt = verifySignature({ address: wallet.address, message: TOKEN, signature: forged, rpcUrl: sandbox.rpcUrl });
    await expect(attempt.catch(codeOf)).resolves.toBe('SIGNATURE_LOCAL_MISMATCH');
  });

  it("agrees with viem's verifyMessage on the chain for every kind of signature here", async () => {
    const client = createClient({ transport: http(sandbox.rpcUrl) });
    const wallet = sandbox.wallets.contract;
    const owner = privateKeyToAccount(wallet.privateKey!);
    const good = await owner.signMessage({ message: TOKEN });
    const cases: Array<[Hex, Hex]> = [
      [signer.address, await signer.signMessage({ message: TOKEN })],
      [signer.address, tamper(await signer.signMessage({ message: TOKEN }))],
      [wallet.address, good],
      [wallet.address, tamper(good)],
      [wallet.address, '0x1234'],
    ];
    for (const [address, signature] of cases) {
      const ours = await verifySignature({ address, message: TOKEN, signature, rpcUrl: sandbox.rpcUrl }).then(() => true, () => false);
      expect(ours).toBe(await verifyMessage(client, { address, message: TOKEN, signature }));
    }
  });
});

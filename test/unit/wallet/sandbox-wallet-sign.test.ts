// The sandbox wallet's signing route (test/sandbox/api/wallet-sign.ts), over HTTP on a real sandbox.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recoverMessageAddress, toHex } from 'viem';
import { verifySignature } from '../../../lib/wallet/verify';
import { startSandbox, type Sandbox } from '../../sandbox';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ quiet: true });
});
afterAll(async () => {
  await sandbox?.stop();
});

const TOKEN = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ0ZXN0In0.c2lnbmF0dXJl';
const post = (body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${sandbox.origin}/__sandbox/wallet/sign`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

describe('POST /__sandbox/wallet/sign', () => {
  it('gives the address alone when no message is sent (eth_requestAccounts)', async () => {
    const response = await post({ wallet: 'liquid' });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ address: sandbox.wallets.liquid.address });
  });

  it('signs the exact bytes with EIP-191 for the chosen wallet', async () => {
    const response = await post({ wallet: 'staked', message: toHex(TOKEN) }, { origin: sandbox.origin });
    const { address, signature } = (await response.json()) as { address: `0x${string}`; signature: `0x${string}` };
    expect(address).toBe(sandbox.wallets.staked.address);
    expect(await recoverMessageAddress({ message: TOKEN, signature })).toBe(address);
  });

  it('signs for the ERC-1271 wallet with its owner key, and Base accepts it', async () => {
    const response = await post({ wallet: 'contract', message: toHex(TOKEN) });
    const { address, signature } = (await response.json()) as { address: `0x${string}`; signature: `0x${string}` };
    expect(address).toBe(sandbox.wallets.contract.address);
    await expect(verifySignature({ address, message: TOKEN, signature, rpcUrl: sandbox.rpcUrl })).resolves.toBe('contract');
  });

  it('refuses bad bodies and other sites', async () => {
    expect((await post({ wallet: 'whale' })).status).toBe(400);
    expect((await post({ wallet: 'staked', message: 'hello' })).status).toBe(400);
    expect((await post({ wallet: 'staked', extra: 1 })).status).toBe(400);
    expect((await post({ wallet: 'staked' }, { origin: 'https://evil.example' })).status).toBe(403);
  });

  it('serves the wallet script to the signing page', async () => {
    const page = await (await fetch(`${sandbox.origin}/`)).text();
    expect(page).toContain('<script src="/sandbox-wallet.js"></script>');
    const script = await fetch(`${sandbox.origin}/sandbox-wallet.js`);
    expect(script.headers.get('content-type')).toContain('text/javascript');
    expect(await script.text()).toContain('dev.venice-sandbox.wallet');
  });
});

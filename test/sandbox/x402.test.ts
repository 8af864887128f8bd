// GET /x402/balance/{walletAddress} with Sign-In-With-X, in process.
import { SiweMessage, generateNonce } from 'siwe';
import { type Hex } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { createSiweMessage, generateSiweNonce } from 'viem/siwe';
import { describe, expect, it } from 'vitest';
import { type Api, control, mintKey, sandboxPerFile } from './helpers';
import type { Sandbox, SandboxWallet } from './index';

let sandbox: Sandbox;
let api: Api;
sandboxPerFile((s, a) => {
  sandbox = s;
  api = a;
});

interface SiwxOptions {
  domain?: string;
  chainId?: number;
  signer?: Hex;
  expiresInMs?: number;
}

/** Builds the SIGN-IN-WITH-X header value for `wallet` (viem's createSiweMessage, signed with a viem account). */
async function siwx(wallet: SandboxWallet, options: SiwxOptions = {}): Promise<string> {
  const now = new Date(sandbox.clock.now());
  const message = createSiweMessage({
    domain: options.domain ?? 'api.venice.ai',
    address: wallet.address,
    statement: 'Sign in to Venice AI',
    uri: `${sandbox.apiUrl}/x402/balance/${wallet.address}`,
    version: '1',
    chainId: options.chainId ?? 8453,
    nonce: generateSiweNonce(),
    issuedAt: now,
    expirationTime: new Date(now.getTime() + (options.expiresInMs ?? 5 * 60_000)),
  });
  const signature = await privateKeyToAccount(options.signer ?? (wallet.privateKey as Hex)).signMessage({ message });
  const payload = { address: wallet.address, message, signature, timestamp: now.getTime(), chainId: 8453 };
  return Buffer.from(JSON.stringify(payload), 'utf8').toString('base64');
}

const balance = (address: string, headers: Record<string, string> = {}) => api('GET', `/x402/balance/${address}`, { headers });

describe('GET /x402/balance/{walletAddress}', () => {
  it('answers the wallet’s own balance for a valid SIGN-IN-WITH-X header', async () => {
    const { liquid } = sandbox.wallets;
    await control(sandbox.origin, 'POST', `/x402/${liquid.address}/balance`, { usd: 12.5 });
    const answer = await balance(liquid.address, { 'SIGN-IN-WITH-X': await siwx(liquid) });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      success: true,
      data: { walletAddress: liquid.address.toLowerCase(), balanceUsd: 12.5, canConsume: true, minimumTopUpUsd: 5, suggestedTopUpUsd: 10 },
    });
  });

  it('accepts the legacy X-Sign-In-With-X header and the sandbox host as domain', async () => {
    const { empty } = sandbox.wallets;
    const header = await siwx(empty, { domain: new URL(sandbox.origin).host });
    const answer = await balance(empty.address, { 'X-Sign-In-With-X': header });
    expect(answer.status).toBe(200);
    expect(answer.body.data).toMatchObject({ balanceUsd: 0, canConsume: false });
  });

  it('accepts a message built with the siwe package', async () => {
    const { liquid } = sandbox.wallets;
    const now = new Date(sandbox.clock.now());
    const message = new SiweMessage({
      domain: 'api.venice.ai',
      address: liquid.address,
      statement: 'Sign in to Venice AI',
      uri: `${sandbox.apiUrl}/x402/balance/${liquid.address}`,
      version: '1',
      chainId: 8453,
      nonce: generateNonce(),
      issuedAt: now.toISOString(),
      expirationTime: new Date(now.getTime() + 60_000).toISOString(),
    }).prepareMessage();
    const signature = await privateKeyToAccount(liquid.privateKey as Hex).signMessage({ message });
    const header = Buffer.from(JSON.stringify({ address: liquid.address, message, signature, timestamp: now.getTime(), chainId: 8453 })).toString('base64');
    expect((await balance(liquid.address, { 'SIGN-IN-WITH-X': header })).status).toBe(200);
  });

  it('verifies an ERC-1271 contract wallet signed by its owner, and shows DIEM of a linked account', async () => {
    const { contract, staked } = sandbox.wallets;
    expect((await balance(contract.address, { 'SIGN-IN-WITH-X': await siwx(contract) })).status).toBe(200);
    await mintKey(sandbox, staked, 'INFERENCE'); // links staked's wallet to an account with DIEM
    const linked = await balance(staked.address, { 'SIGN-IN-WITH-X': await siwx(staked) });
    expect(linked.body.data.diemBalanceUsd).toBeGreaterThan(0);
    expect(linked.body.data.canConsume).toBe(true);
  });

  it('answers 403 when the signed-in wallet is not the one asked about', async () => {
    const { staked, liquid } = sandbox.wallets;
    const answer = await balance(liquid.address, { 'SIGN-IN-WITH-X': await siwx(staked) });
    expect([answer.status, answer.body.error]).toEqual([403, 'You can only access resources for your own wallet']);
  });

  it('answers 401 for a missing, garbled, foreign, wrong-chain, expired or forged sign-in', async () => {
    const { liquid, staked } = sandbox.wallets;
    const cases: [string, Record<string, string>][] = [
      ['missing', {}],
      ['garbled', { 'SIGN-IN-WITH-X': 'not base64 json' }],
      ['foreign domain', { 'SIGN-IN-WITH-X': await siwx(liquid, { domain: 'evil.example' }) }],
      ['wrong chain', { 'SIGN-IN-WITH-X': await siwx(liquid, { chainId: 1 }) }],
      ['forged', { 'SIGN-IN-WITH-X': await siwx(liquid, { signer: staked.privateKey as Hex }) }],
    ];
    const stale = await siwx(liquid, { expiresInMs: 60_000 });
    for (const [name, headers] of cases) {
      const answer = await balance(liquid.address, headers);
      expect([name, answer.status, answer.body.error]).toEqual([name, 401, 'Invalid Sign-in-with-x signature']);
    }
    sandbox.clock.advance(2 * 60_000);
    expect((await balance(liquid.address, { 'SIGN-IN-WITH-X': stale })).status).toBe(401);
  });

  it('answers 400 for a wallet address that is neither EVM nor Solana', async () => {
    const answer = await balance('0x1234', { 'SIGN-IN-WITH-X': await siwx(sandbox.wallets.liquid) });
    expect([answer.status, answer.body.error]).toEqual([400, 'Invalid request parameters']);
  });
});

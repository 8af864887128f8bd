// The wallet flow, in process: every documented mint error, ERC-1271 wallets, accounts per wallet.
import { SignJWT, decodeJwt } from 'jose';
import { type Hex } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { describe, expect, it } from 'vitest';
import { validateRequestBody } from '../contract/openapi';
import { type Api, type Json, control, mintKey, mintWith, sandboxPerFile } from './helpers';
import type { Sandbox } from './index';

let sandbox: Sandbox;
let api: Api;
sandboxPerFile((s, a) => {
  sandbox = s;
  api = a;
}, { clearFaults: true });

const token = async (): Promise<string> => (await api('GET', '/api_keys/generate_web3_key')).body.data.token;
const sign = (privateKey: string | undefined, message: string) => privateKeyToAccount(privateKey as Hex).signMessage({ message });
const post = (body: unknown) => api('POST', '/api_keys/generate_web3_key', { body });

async function signedBody(overrides: Record<string, unknown> = {}): Promise<Record<string, unknown>> {
  const t = await token();
  return { address: sandbox.wallets.staked.address, signature: await sign(sandbox.wallets.staked.privateKey, t), token: t, apiKeyType: 'INFERENCE', ...overrides };
}

describe('GET /api_keys/generate_web3_key', () => {
  it('issues an HS256 JWT with issuer, audience and a 15-minute expiry on the sandbox clock', async () => {
    sandbox.clock.advance(3_600_000);
    const t = await token();
    const claims = decodeJwt(t);
    expect(JSON.parse(Buffer.from(t.split('.')[0] ?? '', 'base64url').toString())).toMatchObject({ alg: 'HS256' });
    expect(claims.iss).toBeTruthy();
    expect(claims.aud).toBeTruthy();
    expect((claims.exp ?? 0) - (claims.iat ?? 0)).toBe(900);
    expect(Math.abs((claims.iat ?? 0) - (Date.now() + 3_600_000) / 1000)).toBeLessThan(5);
  });
});

describe('POST /api_keys/generate_web3_key errors', () => {
  it.each([
    ['an unknown field', { extra: 1 }],
    ['a missing apiKeyType', { apiKeyType: undefined }],
    ['a bad limitPeriod', { limitPeriod: 'WEEK' }],
    ['a negative cap', { consumptionLimit: { usd: -1 } }],
  ])('refuses %s with "Invalid request parameters" and details, as the OpenAPI file does', async (_name, overrides) => {
    const body = JSON.parse(JSON.stringify(await signedBody(overrides))) as Json;
    expect(validateRequestBody('POST', '/api_keys/generate_web3_key', body).valid).toBe(false);
    const answer = await post(body);
    expect([answer.status, answer.body.error]).toEqual([400, 'Invalid request parameters']);
    expect(answer.body.details._errors).toBeInstanceOf(Array);
  });

  it('refuses a body that is not JSON', async () => {
    const answer = await post('{"address": ');
    expect([answer.status, answer.body.error]).toEqual([400, 'Invalid request parameters']);
  });

  it('names each verification failure exactly', async () => {
    const { staked, liquid } = sandbox.wallets;
    const expect400 = async (body: unknown, message: string) => {
      const answer = await post(body);
      expect([answer.status, answer.body.error]).toEqual([400, message]);
    };
    await expect400(await signedBody({ address: '0x1234' }), 'Invalid wallet address');
    await expect400(await signedBody({ token: 'not-a-jwt' }), 'JWT is malformed');
    const foreign = await new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setIssuedAt().setExpirationTime('10m').sign(new TextEncoder().encode('another secret'));
    await expect400(await signedBody({ token: foreign }), 'JWT signature is invalid');
    const wrongAudience = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer('https://api.venice.ai')
      .setAudience('someone-else')
      .setIssuedAt()
      .setExpirationTime('10m')
      .sign(new TextEncoder().encode(sandbox.state.data.jwtSecret));
    await expect400(await signedBody({ token: wrongAudience, signature: await sign(staked.privateKey, wrongAudience) }), 'JWT claims are invalid');
    const t = await token();
    await expect400({ address: staked.address, token: t, signature: await sign(liquid.privateKey, t), apiKeyType: 'INFERENCE' }, 'Wallet signature does not match');
    await expect400({ address: staked.address, token: t, signature: '0x1234', apiKeyType: 'INFERENCE' }, 'Wallet signature does not match');
    const late = await signedBody();
    sandbox.clock.advance(15 * 60_000 + 1_000);
    await expect400(late, 'JWT has expired');
  });

  it('says "Could not verify wallet signature" when the chain RPC fails, and mints once it is back', async () => {
    await control(sandbox.origin, 'POST', '/faults', { kind: 'rpc', count: 1 });
    const body = await signedBody();
    const failed = await post(body);
    expect([failed.status, failed.body.error]).toEqual([400, 'Could not verify wallet signature']);
    const retried = await post(body);
    expect(retried.status).toBe(200);
  });

  it('refuses wallets without sVVV, naming the wallet', async () => {
    for (const wallet of [sandbox.wallets.empty, sandbox.wallets.liquid]) {
      const answer = await mintWith(sandbox.apiUrl, wallet);
      expect(answer.status).toBe(400);
      expect(answer.body.error).toBe(`Wallet ${wallet.address} has no staked VVV on Base`);
    }
  });

  it('refuses an expiry in the past', async () => {
    const answer = await post(await signedBody({ expiresAt: '2001-01-01' }));
    expect([answer.status, answer.body.error]).toEqual([400, 'Invalid request parameters']);
  });
});

describe('minting', () => {
  it('mints for an ERC-1271 smart-contract wallet signed by its owner, and refuses other signers', async () => {
    const { contract, liquid } = sandbox.wallets;
    expect(contract.owner).toMatch(/^0x[0-9a-fA-F]{40}$/);
    const answer = await mintWith(sandbox.apiUrl, contract);
    expect(answer.status).toBe(200);
    expect(answer.body.data.apiKey).toMatch(/^VENICE_INFERENCE_KEY_/);
    const impostor = await mintWith(sandbox.apiUrl, { address: contract.address, privateKey: liquid.privateKey });
    expect([impostor.status, impostor.body.error]).toEqual([400, 'Wallet signature does not match']);
  });

  it('echoes limits as the real route does, while storing them right', async () => {
    const minted = await post(await signedBody({ consumptionLimit: { usd: 0, diem: 5 }, limitPeriod: 'MONTH', modelPrivacy: 'PRIVATE_TEXT' }));
    expect(minted.status).toBe(200);
    expect(minted.body.data).toMatchObject({ description: 'Web3 API Key', expiresAt: null, limitPeriod: 'MONTH', modelPrivacy: 'PRIVATE_TEXT' });
    expect(minted.body.data.consumptionLimit).toEqual({ usd: null, diem: null, vcu: null });
    const admin = await mintKey(sandbox, sandbox.wallets.staked, 'ADMIN');
    const stored = await api('GET', `/api_keys/${minted.body.data.id}`, { key: admin });
    expect(stored.body.data.consumptionLimits).toEqual({ usd: 0, diem: 5, vcu: null });
  });

  it('puts every key minted by one wallet in one account, and no other', async () => {
    const { staked, contract } = sandbox.wallets;
    const inference = await mintWith(sandbox.apiUrl, staked);
    const admin = await mintKey(sandbox, staked, 'ADMIN');
    const otherAdmin = await mintKey(sandbox, contract, 'ADMIN');
    const ids = (key: string) => api('GET', '/api_keys', { key }).then((answer) => answer.body.data.map((record: Json) => record.id as string));
    const mine = await ids(admin);
    expect(mine).toContain(inference.body.data.id);
    expect(await ids(otherAdmin)).not.toContain(inference.body.data.id);
    expect(sandbox.state.data.wallets[staked.address.toLowerCase()]).toBeDefined();
  });
});

// Shared by the sandbox tests: a fetch wrapper that checks every /api/v1 answer against the OpenAPI
// file (test/contract/openapi.ts), a helper to mint keys through the real wallet flow, and one
// sandbox per test file, put back before each test.
import { type Hex } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { afterAll, beforeAll, beforeEach, expect } from 'vitest';
import { validateResponse } from '../contract/openapi';
import { startSandbox, type Sandbox, type SandboxWallet } from './index';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers are checked by the contract validator, then read freely
export type Json = any;

export interface Answer {
  status: number;
  headers: Headers;
  body: Json;
}

export interface CallOptions {
  key?: string;
  body?: unknown;
  headers?: Record<string, string>;
}

/** Fails the test when `body` does not match the OpenAPI description of this answer. */
export function expectContract(method: string, path: string, status: number, body: unknown): void {
  const result = validateResponse(method, path, status, body);
  expect(result.errors, `${method} ${path} -> ${status} against venice-swagger.yaml`).toEqual([]);
  expect(result.valid).toBe(true);
}

/** Calls `apiUrl + path` and checks the answer against the OpenAPI file. */
export async function call(apiUrl: string, method: string, path: string, options: CallOptions = {}): Promise<Answer> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.key !== undefined) headers.authorization = `Bearer ${options.key}`;
  let body: string | undefined;
  if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
  }
  const response = await fetch(`${apiUrl}${path}`, { method, headers, body });
  const text = await response.text();
  const json: unknown = text === '' ? undefined : JSON.parse(text);
  expectContract(method, path, response.status, json);
  return { status: response.status, headers: response.headers, body: json };
}

/** A bound `call` for one sandbox. */
export function apiOf(sandbox: Pick<Sandbox, 'apiUrl'>) {
  return (method: string, path: string, options?: CallOptions) => call(sandbox.apiUrl, method, path, options);
}

export type Api = ReturnType<typeof apiOf>;

/**
 * One quiet sandbox for the whole test file: started before all its tests and handed to `use`,
 * stopped after them. Before each test its clock offset is back to 0, its faults are cleared
 * (with `clearFaults`) and its rate limits are reset.
 */
export function sandboxPerFile(use: (sandbox: Sandbox, api: Api) => void, { clearFaults = false }: { clearFaults?: boolean } = {}): void {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandbox({ quiet: true });
    use(sandbox, apiOf(sandbox));
  });
  afterAll(() => sandbox?.stop());
  beforeEach(async () => {
    sandbox.clock.setOffset(0);
    if (clearFaults) sandbox.faults.clear();
    await control(sandbox.origin, 'POST', '/limits/reset');
  });
}

/** POSTs to a /__sandbox control route and returns its JSON. */
export async function control(origin: string, method: string, path: string, body?: unknown): Promise<Json> {
  const response = await fetch(`${origin}/__sandbox${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json: unknown = await response.json();
  expect(response.status, `control ${method} ${path}: ${JSON.stringify(json)}`).toBeLessThan(300);
  return json;
}

/** The whole wallet flow: fetch a token, sign it with the wallet, mint. Returns the mint answer. */
export async function mintWith(
  apiUrl: string,
  wallet: Pick<SandboxWallet, 'address' | 'privateKey'>,
  fields: Record<string, unknown> = {},
): Promise<Answer> {
  const { body } = await call(apiUrl, 'GET', '/api_keys/generate_web3_key');
  const token = body.data.token as string;
  if (!wallet.privateKey) throw new Error('this wallet has no signing key');
  const signature = await privateKeyToAccount(wallet.privateKey as Hex).signMessage({ message: token });
  return call(apiUrl, 'POST', '/api_keys/generate_web3_key', {
    body: { address: wallet.address, signature, token, apiKeyType: 'INFERENCE', ...fields },
  });
}

/** Mints a key and returns its secret; fails the test if the mint does not succeed. */
export async function mintKey(sandbox: Pick<Sandbox, 'apiUrl'>, wallet: SandboxWallet, type: 'INFERENCE' | 'ADMIN' = 'ADMIN'): Promise<string> {
  const answer = await mintWith(sandbox.apiUrl, wallet, { apiKeyType: type });
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return answer.body.data.apiKey as string;
}

import { describe, expect, it } from 'vitest';
import { createClient, custom, toHex, type EIP1193RequestFn } from 'viem';
import { getAddresses, requestAddresses, signMessage } from 'viem/actions';
import { AppException, appError } from '../../../lib/errors';
import type { WalletRequest } from '../../../lib/wallet/bridge-protocol';
import { createBridgeWalletClient, type BridgeRequest } from '../../../lib/wallet/transport';
import { WalletRpcError, toWalletAppError } from '../../../lib/wallet/wallet-errors';

const address = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';

/** A wallet client whose bridge always fails with `error`; records what was sent. */
function failingClient(error: unknown) {
  const sent: WalletRequest[] = [];
  const client = createBridgeWalletClient(async (request) => {
    sent.push(request);
    throw error;
  });
  return { client, sent };
}

const codeOf = async (work: Promise<unknown>) => toWalletAppError(await work.then(() => undefined, (error: unknown) => error)).code;

describe('the wallet requests over the bridge', () => {
  it('sends the three requests as bridge requests and returns their results, checksummed', async () => {
    const sent: WalletRequest[] = [];
    const send: BridgeRequest = async (request) => {
      sent.push(request);
      if (request.kind === 'personal_sign') return `0x${'22'.repeat(65)}`;
      return [address.toLowerCase()];
    };
    const client = createBridgeWalletClient(send);
    expect(await client.requestAddresses()).toEqual([address]);
    expect(await client.getAddresses()).toEqual([address]);
    expect(await client.signMessage({ account: address, message: 'the.jwt.token' })).toBe(`0x${'22'.repeat(65)}`);
    expect(sent).toEqual([
      { kind: 'eth_requestAccounts' },
      { kind: 'eth_accounts' },
      { kind: 'personal_sign', message: toHex('the.jwt.token'), address },
    ]);
  });

  it("asks the wallet exactly what viem's wallet actions would ask, and returns the same", async () => {
    const answer = async (method: string) => (method === 'personal_sign' ? `0x${'33'.repeat(65)}` : [address.toLowerCase()]);
    const viaViem: unknown[] = [];
    const request = (async ({ method, params }: { method: string; params?: unknown }) => {
      viaViem.push({ method, params });
      return answer(method);
    }) as EIP1193RequestFn;
    const viem = createClient({ transport: custom({ request }, { retryCount: 0 }) });
    const ours: WalletRequest[] = [];
    const client = createBridgeWalletClient(async (r) => {
      ours.push(r);
      return answer(r.kind);
    });
    const message = 'eyJhbGciOiJIUzI1NiJ9.e30.c2ln';
    expect(await client.requestAddresses()).toEqual(await requestAddresses(viem));
    expect(await client.getAddresses()).toEqual(await getAddresses(viem));
    expect(await client.signMessage({ account: address, message })).toEqual(await signMessage(viem, { account: address, message }));
    expect(ours.map((r) => ({ method: r.kind, params: r.kind === 'personal_sign' ? [r.message, r.address] : undefined }))).toEqual(viaViem);
  });

  it('fails on an answer of the wrong shape, with the UNKNOWN wallet error', async () => {
    const client = createBridgeWalletClient(async (request) => (request.kind === 'personal_sign' ? 'not a signature' : 'not a list'));
    await expect(codeOf(client.requestAddresses())).resolves.toBe('UNKNOWN');
    await expect(codeOf(client.getAddresses())).resolves.toBe('UNKNOWN');
    await expect(codeOf(client.signMessage({ account: address, message: 'x' }))).resolves.toBe('UNKNOWN');
    const bad = createBridgeWalletClient(async () => ['0x1234']);
    await expect(codeOf(bad.getAddresses())).resolves.toBe('UNKNOWN');
  });

  it.each([
    [4001, 'WALLET_REJECTED'],
    [4100, 'WALLET_LOCKED'],
    [4900, 'WALLET_LOCKED'],
    [-32002, 'WALLET_REQUEST_PENDING'],
    [4200, 'WALLET_UNSUPPORTED_METHOD'],
    [-32601, 'WALLET_UNSUPPORTED_METHOD'],
    [2, 'WALLET_NOT_FOUND'],
    [3, 'WALLET_NOT_FOUND'],
    [-32603, 'UNKNOWN'],
  ])('maps EIP-1193 code %i to %s', async (code, expected) => {
    const { client, sent } = failingClient(new WalletRpcError(code, 'from the wallet'));
    await expect(codeOf(client.signMessage({ account: address, message: 'x' }))).resolves.toBe(expected);
    expect(sent).toHaveLength(1); // never retried: a signature request must not pop up twice
  });

  it('tells the user what to do when a request is already pending in the wallet', () => {
    const error = toWalletAppError(new WalletRpcError(-32002, 'Request already pending'));
    expect(error.code).toBe('WALLET_REQUEST_PENDING');
    expect(error.message).toMatch(/already waiting in your wallet/);
    expect(error.action).toBe('reconnect_wallet');
  });

  it('lets bridge failures through unchanged', async () => {
    const { client } = failingClient(new AppException(appError('SIGNING_TAB_CLOSED')));
    await expect(codeOf(client.requestAddresses())).resolves.toBe('SIGNING_TAB_CLOSED');
  });

  it('has no way to send any other method', () => {
    expect(Object.keys(createBridgeWalletClient(async () => undefined)).sort()).toEqual(['getAddresses', 'requestAddresses', 'signMessage']);
  });

  it('keeps secrets out of the error detail', () => {
    const token = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIweDEyMyJ9.c2lnbmF0dXJlLXRoYXQtaXMtbG9uZw';
    const error = toWalletAppError(new WalletRpcError(-32000, `could not sign ${token}`));
    expect(error.code).toBe('UNKNOWN');
    expect(JSON.stringify(error)).not.toContain('eyJ');
  });

  it('gives UNKNOWN for things that are not wallet errors', () => {
    expect(toWalletAppError(new Error('boom')).code).toBe('UNKNOWN');
    expect(toWalletAppError('text').code).toBe('UNKNOWN');
    expect(toWalletAppError(undefined).code).toBe('UNKNOWN');
  });
});

import { describe, expect, it } from 'vitest';
import { createClient, toHex } from 'viem';
import { getChainId } from 'viem/actions';
import { AppException, appError } from '../../../lib/errors';
import type { WalletRequest } from '../../../lib/wallet/bridge-protocol';
import { bridgeTransport, createBridgeWalletClient, toBridgeRequest, type BridgeRequest } from '../../../lib/wallet/transport';
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

const codeAfterViem = async (work: Promise<unknown>) => toWalletAppError(await work.then(() => undefined, (error: unknown) => error)).code;

describe('viem transport over the bridge', () => {
  it('sends the four methods as bridge requests and returns their results', async () => {
    const sent: WalletRequest[] = [];
    const send: BridgeRequest = async (request) => {
      sent.push(request);
      if (request.kind === 'eth_chainId') return '0x2105';
      if (request.kind === 'personal_sign') return `0x${'22'.repeat(65)}`;
      return [address];
    };
    const client = createBridgeWalletClient(send);
    expect(await client.requestAddresses()).toEqual([address]);
    expect(await client.getAddresses()).toEqual([address]);
    expect(await getChainId(createClient({ transport: bridgeTransport(send) }))).toBe(8453);
    expect(await client.signMessage({ account: address, message: 'the.jwt.token' })).toBe(`0x${'22'.repeat(65)}`);
    expect(sent).toEqual([
      { kind: 'eth_requestAccounts' },
      { kind: 'eth_accounts' },
      { kind: 'eth_chainId' },
      { kind: 'personal_sign', message: toHex('the.jwt.token'), address },
    ]);
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
  ])('maps EIP-1193 code %i to %s through viem', async (code, expected) => {
    const { client, sent } = failingClient(new WalletRpcError(code, 'from the wallet'));
    await expect(codeAfterViem(client.signMessage({ account: address, message: 'x' }))).resolves.toBe(expected);
    expect(sent).toHaveLength(1); // never retried: a signature request must not pop up twice
  });

  it('tells the user what to do when a request is already pending in the wallet', () => {
    const error = toWalletAppError(new WalletRpcError(-32002, 'Request already pending'));
    expect(error.code).toBe('WALLET_REQUEST_PENDING');
    expect(error.message).toMatch(/already waiting in your wallet/);
    expect(error.action).toBe('reconnect_wallet');
  });

  it('lets bridge failures through viem unchanged', async () => {
    const { client } = failingClient(new AppException(appError('SIGNING_TAB_CLOSED')));
    await expect(codeAfterViem(client.requestAddresses())).resolves.toBe('SIGNING_TAB_CLOSED');
  });

  it('refuses other methods before they reach the bridge', async () => {
    const sent: WalletRequest[] = [];
    const client = createClient({
      transport: bridgeTransport(async (request) => {
        sent.push(request);
        throw new Error('must not be called');
      }),
    });
    const attempt = client.request({ method: 'eth_sendTransaction', params: [{ from: address, to: address }] } as never);
    await expect(codeAfterViem(attempt)).resolves.toBe('WALLET_UNSUPPORTED_METHOD');
    expect(sent).toEqual([]);
    expect(toBridgeRequest('eth_signTypedData_v4', [address, '{}'])).toBeUndefined();
    expect(toBridgeRequest('personal_sign', ['0x00'])).toBeUndefined();
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

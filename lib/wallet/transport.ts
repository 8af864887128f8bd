/**
 * A viem EIP-1193 transport over the signing-tab bridge, so the background can
 * use a normal viem wallet client (requestAddresses, getAddresses, signMessage)
 * while the wallet itself lives in a web page. Only the four bridged methods
 * exist; anything else fails with EIP-1193 code 4200 before it leaves.
 * viem's retries are off: a signature request must never be sent twice.
 */
import { createClient, custom, type Account, type Address, type EIP1193RequestFn, type SignableMessage } from 'viem';
import { getAddresses, requestAddresses, signMessage } from 'viem/actions';
import type { WalletRequest } from './bridge-protocol';
import { WalletRpcError } from './wallet-errors';

/** Sends one bridge request and resolves with its checked result (see BridgeLink.request). */
export type BridgeRequest = (request: WalletRequest) => Promise<unknown>;

/** Maps a JSON-RPC call onto a bridge request; `undefined` for a method the bridge does not carry. */
export function toBridgeRequest(method: string, params: unknown): WalletRequest | undefined {
  switch (method) {
    case 'eth_requestAccounts':
    case 'eth_accounts':
    case 'eth_chainId':
      return { kind: method };
    case 'personal_sign': {
      const [message, address] = Array.isArray(params) ? (params as unknown[]) : [];
      if (typeof message !== 'string' || typeof address !== 'string') return undefined;
      return { kind: 'personal_sign', message, address };
    }
    default:
      return undefined;
  }
}

export function bridgeTransport(send: BridgeRequest) {
  const request = (async ({ method, params }: { method: string; params?: unknown }) => {
    const bridged = toBridgeRequest(method, params);
    if (!bridged) throw new WalletRpcError(4200, `The signing bridge does not carry ${method}`);
    return send(bridged);
  }) as EIP1193RequestFn;
  return custom({ request }, { key: 'signingTab', name: 'Signing tab bridge', retryCount: 0 });
}

/**
 * The three wallet actions the mint uses, on viem's bare client: the whole wallet client
 * (createWalletClient) would put every wallet action into the service worker.
 */
export function createBridgeWalletClient(send: BridgeRequest) {
  const client = createClient({ transport: bridgeTransport(send) });
  return {
    requestAddresses: () => requestAddresses(client),
    getAddresses: () => getAddresses(client),
    signMessage: (args: { account: Account | Address; message: SignableMessage }) => signMessage(client, args),
  };
}

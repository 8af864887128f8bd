/**
 * The three wallet requests the mint makes (eth_requestAccounts, eth_accounts, personal_sign)
 * over the signing-tab bridge or the direct link, shaped as viem's wallet actions return them
 * (checksummed addresses; the message sent as hex, as viem's signMessage does). Sent once each,
 * never retried: a signature request must never pop up twice. viem's client and actions are not
 * used: they would add its transports and error classes to the service worker for three calls.
 */
import { getAddress, isHex, toHex, type Address, type Hex } from 'viem';
import type { WalletRequest } from './bridge-protocol';
import { WalletRpcError } from './wallet-errors';

/** Sends one bridge request and resolves with its checked result (see BridgeLink.request). */
export type BridgeRequest = (request: WalletRequest) => Promise<unknown>;

const addresses = (value: unknown): Address[] => {
  if (!Array.isArray(value)) throw new WalletRpcError(-32603, 'The wallet did not answer with accounts');
  return value.map((a) => getAddress(String(a)));
};

/** The wallet's three actions over one bridge (`send`): no other method can be asked. */
export function createBridgeWalletClient(send: BridgeRequest) {
  return {
    requestAddresses: async () => addresses(await send({ kind: 'eth_requestAccounts' })),
    getAddresses: async () => addresses(await send({ kind: 'eth_accounts' })),
    signMessage: async ({ account, message }: { account: Address; message: string }): Promise<Hex> => {
      const signature = await send({ kind: 'personal_sign', message: toHex(message), address: account });
      if (!isHex(signature)) throw new WalletRpcError(-32603, 'The wallet did not answer with a signature');
      return signature;
    },
  };
}

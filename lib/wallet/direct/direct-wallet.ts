/**
 * The direct MetaMask wallet, as the background's mint flow uses it: the same three actions
 * as the signing-tab session (lib/wallet/session.ts) but over the direct host (./link.ts),
 * so no tab, page or content script takes part.
 *
 *   const direct = createDirectWallet({ link, rpcUrl });
 *   await direct.available();                          // the MetaMask found, or undefined
 *   const { address, wallet } = await direct.connect(); // eth_requestAccounts: MetaMask's own approval window
 *   const signature = await direct.sign(token, address); // personal_sign, verified locally
 *   const held = await direct.resume(address);          // after a worker restart: { message, signature } of
 *                                                        // the request MetaMask still held, or undefined
 *
 * Errors are the flow's AppErrors, mapped as for the tab path (./../wallet-errors.ts):
 * 4001 → WALLET_REJECTED, 4100 / 4900 / no account → WALLET_LOCKED, -32002 →
 * WALLET_REQUEST_PENDING, another account than the one connected → WALLET_ACCOUNT_CHANGED,
 * MetaMask not installed → WALLET_NOT_FOUND, a bad signature → SIGNATURE_LOCAL_MISMATCH.
 * Requests are sent once, never retried (../transport.ts): a signature request never pops up twice.
 */
import { getAddress, hexToString, isAddress, isHex, type Address, type Hex } from 'viem';
import { AppException, appError } from '../../errors';
import { createBridgeWalletClient } from '../transport';
import { signChecked } from '../sign-checked';
import { verifySignature } from '../verify';
import { rethrowAsWalletError, WalletRpcError } from '../wallet-errors';
import type { DirectLink } from './link';
import type { DirectWalletId } from './metamask-ids';
import { isDirectMethod } from './protocol';

export const METAMASK_RDNS = 'io.metamask';

export interface DirectWalletOptions {
  link: DirectLink;
  /** Base JSON-RPC, to check a smart-contract account's signature. */
  rpcUrl: string;
  fetchFn?: typeof fetch;
}

export interface DirectConnection {
  address: Address;
  wallet: DirectWalletId;
}

export interface DirectWallet {
  available(): Promise<DirectWalletId | undefined>;
  connect(): Promise<DirectConnection>;
  sign(message: string, address: string): Promise<Hex>;
  /**
   * The signature request a stopped worker left with MetaMask, once MetaMask answered it: its
   * message (the token) and signature, checked as `sign` checks; undefined when the host holds none.
   */
  resume(address: string): Promise<{ message: string; signature: Hex } | undefined>;
  onAccountsChanged(listener: (address: Address | undefined) => void): () => void;
}

const fail = (code: Parameters<typeof appError>[0], detail?: string): never => {
  throw new AppException(appError(code, detail));
};

export function createDirectWallet(options: DirectWalletOptions): DirectWallet {
  const { link } = options;
  // The tab path's wallet requests (never retried), over the direct link instead of the bridge.
  const client = createBridgeWalletClient(async (asked) => {
    const method = asked.kind;
    if (!isDirectMethod(method)) throw new WalletRpcError(4200, method);
    const reply = await link.request(method, asked.kind === 'personal_sign' ? [asked.message, asked.address] : undefined);
    if (reply.ok) return reply.value;
    if ('absent' in reply) return fail('WALLET_NOT_FOUND');
    throw new WalletRpcError(reply.code, reply.message);
  });

  const guard = async <T>(work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      return rethrowAsWalletError(error);
    }
  };

  return {
    available: () => link.find().catch(() => undefined),
    connect: () =>
      guard(async () => {
        const wallet = (await link.find()) ?? fail('WALLET_NOT_FOUND');
        const [address] = await client.requestAddresses();
        if (!address) return fail('WALLET_LOCKED');
        return { address: getAddress(address), wallet };
      }),
    sign: (message, address) =>
      guard(async () => {
        if (!isAddress(address, { strict: false })) fail('UNKNOWN', 'The address to sign with is not a wallet address.');
        return signChecked(client, await client.getAddresses(), address, message, options);
      }),
    resume: (address) =>
      guard(async () => {
        if (!isAddress(address, { strict: false })) return undefined;
        const held = await link.resume(address);
        if (!held) return undefined;
        const { reply } = held;
        if (!reply.ok) {
          if ('absent' in reply) return fail('WALLET_NOT_FOUND');
          throw new WalletRpcError(reply.code, reply.message);
        }
        // viem sent the token as the hex of its text (personal_sign's first parameter).
        if (!isHex(held.message) || !isHex(reply.value)) return fail('UNKNOWN', 'The wallet answered in an unexpected form.');
        const message = hexToString(held.message);
        const signature = reply.value;
        await verifySignature({ address: getAddress(address), message, signature, rpcUrl: options.rpcUrl, fetchFn: options.fetchFn });
        return { message, signature };
      }),
    onAccountsChanged: (listener) =>
      link.onAccountsChanged((accounts) => {
        const first = accounts.find((account) => isAddress(account, { strict: false }));
        listener(first ? getAddress(first) : undefined);
      }),
  };
}

/**
 * The last step both wallet paths share (the venice.ai tab and the direct MetaMask): the wallet's
 * accounts must still hold the connected one (none: locked; another: switched), then the wallet
 * signs and the signature is checked locally before anything is posted.
 */
import { getAddress, isAddressEqual, type Address, type Hex } from 'viem';
import { AppException, appError } from '../errors';
import type { createBridgeWalletClient } from './transport';
import { verifySignature } from './verify';

type WalletClient = Pick<ReturnType<typeof createBridgeWalletClient>, 'signMessage'>;

export async function signChecked(
  client: WalletClient,
  accounts: readonly Address[],
  address: string,
  message: string,
  chain: { rpcUrl: string; fetchFn?: typeof fetch },
): Promise<Hex> {
  if (accounts.length === 0) throw new AppException(appError('WALLET_LOCKED'));
  if (!accounts.some((account) => isAddressEqual(account, address as Address))) throw new AppException(appError('WALLET_ACCOUNT_CHANGED'));
  const account = getAddress(address);
  const signature = await client.signMessage({ account, message });
  await verifySignature({ address: account, message, signature, rpcUrl: chain.rpcUrl, fetchFn: chain.fetchFn });
  return signature;
}

/**
 * Checks a wallet's signature before anything is posted to Venice. An ordinary
 * account (EOA) is checked offline by recovering the signer. Anything else is
 * asked of Base (ERC-1271 smart-contract wallets, ERC-6492 counterfactual ones)
 * through viem's verifyMessage with a Base public client.
 */
import { createClient, http, isAddressEqual, recoverMessageAddress, type Address, type Hex } from 'viem';
import { getCode, verifyMessage } from 'viem/actions';
import { AppException, appError } from '../errors';

export interface VerifyOptions {
  address: Address;
  /** The exact string that was signed (the JWT). */
  message: string;
  signature: Hex;
  /** Base JSON-RPC URL (the sandbox's anvil in local runs). */
  rpcUrl: string;
  fetchFn?: typeof fetch;
  timeoutMs?: number;
}

/**
 * Resolves with how the signature was checked: 'eoa' (offline) or 'contract'
 * (on Base). Throws SIGNATURE_LOCAL_MISMATCH when the signature is not the
 * address's, RPC_UNREACHABLE when a contract wallet's signature cannot be checked.
 */
export async function verifySignature(options: VerifyOptions): Promise<'eoa' | 'contract'> {
  const { address, message, signature, rpcUrl, fetchFn, timeoutMs = 10_000 } = options;
  try {
    if (isAddressEqual(await recoverMessageAddress({ message, signature }), address)) return 'eoa';
  } catch {
    // Not a plain 65-byte signature: a contract wallet's, or garbage. Base decides.
  }
  // viem's bare client with the two actions used (see lib/chain/eligibility.ts): no chain definition is needed.
  const client = createClient({ transport: http(rpcUrl, { timeout: timeoutMs, retryCount: 1, fetchFn }) });
  const unreachable = (error: unknown) =>
    new AppException(appError('RPC_UNREACHABLE', 'The signature could not be checked on Base.'), { cause: error });
  // viem's verifyMessage reads a failed eth_call as "not valid", so first make sure Base answers at all.
  await getCode(client, { address }).catch((error: unknown) => {
    throw unreachable(error);
  });
  let valid: boolean;
  try {
    valid = await verifyMessage(client, { address, message, signature });
  } catch (error) {
    throw unreachable(error);
  }
  if (!valid) throw new AppException(appError('SIGNATURE_LOCAL_MISMATCH'));
  return 'contract';
}

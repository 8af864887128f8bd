/**
 * Reads whether a wallet can mint a Venice key: any staked VVV (sVVV balance) on
 * Base. Two plain eth_calls (no multicall: a bare anvil chain has no multicall3),
 * a short timeout, and an unreachable RPC reported as a reason, not an error.
 */
import { createClient, http, isAddress, type Address } from 'viem';
import { readContract } from 'viem/actions';
import { AppException, appError } from '../errors';
import { DEFAULT_BASE_RPC_URL, SVVV_ADDRESS, VVV_ADDRESS, balanceOfAbi } from './constants';

export interface ChainEligibility {
  /** sVVV balance, in wei (18 decimals). */
  staked: bigint;
  /** VVV balance (not staked), in wei. */
  liquid: bigint;
  /** True when the wallet holds staked VVV. False also when the RPC could not be read (see reason). */
  eligible: boolean;
  /**
   * Why not eligible: 'none' (no VVV at all), 'liquid-not-staked' (VVV but none
   * staked), 'rpc-unreachable' (could not check: a warning; minting is not blocked).
   */
  reason?: 'none' | 'liquid-not-staked' | 'rpc-unreachable';
}

export interface ReadEligibilityOptions {
  address: string;
  /** Base JSON-RPC URL (default https://mainnet.base.org). */
  rpcUrl?: string;
  fetch?: typeof fetch;
  /** Per request; the RPC is tried twice at most. */
  timeoutMs?: number;
}

export async function readEligibility(options: ReadEligibilityOptions): Promise<ChainEligibility> {
  const { address, rpcUrl = DEFAULT_BASE_RPC_URL, fetch: fetchFn, timeoutMs = 6_000 } = options;
  if (!isAddress(address, { strict: false })) throw new AppException(appError('INVALID_WALLET_ADDRESS'));
  // viem's bare client and one action: a plain eth_call needs no chain definition, and the whole
  // public client (createPublicClient, viem/chains' Base with its OP-stack formatters) would put
  // every public action into the service worker.
  const client = createClient({ transport: http(rpcUrl, { timeout: timeoutMs, retryCount: 1, fetchFn }) });
  const balanceOf = (token: Address) =>
    readContract(client, { address: token, abi: balanceOfAbi, functionName: 'balanceOf', args: [address as Address] });
  let staked: bigint;
  let liquid: bigint;
  try {
    [staked, liquid] = await Promise.all([balanceOf(SVVV_ADDRESS), balanceOf(VVV_ADDRESS)]);
  } catch {
    // Network down, RPC error, or no contract at the address (not Base): the stake is unknown.
    return { staked: 0n, liquid: 0n, eligible: false, reason: 'rpc-unreachable' };
  }
  if (staked > 0n) return { staked, liquid, eligible: true };
  return { staked, liquid, eligible: false, reason: liquid > 0n ? 'liquid-not-staked' : 'none' };
}

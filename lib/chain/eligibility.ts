/**
 * Reads whether a wallet can mint a Venice key: any staked VVV (sVVV balance) on
 * Base. Two plain eth_calls (no multicall: a bare anvil chain has no multicall3),
 * a short timeout, and an unreachable RPC reported as a reason, not an error.
 */
import { concat, decodeAbiParameters, encodeAbiParameters, isAddress, type Address, type Hex } from 'viem';
import { AppException, appError } from '../errors';
import { BALANCE_OF_SELECTOR, DEFAULT_BASE_RPC_URL, SVVV_ADDRESS, VVV_ADDRESS } from './constants';
import { ethCall, type RpcOptions } from './rpc';

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
  // Two eth_calls over fetch (./rpc.ts), encoded and decoded with viem's ABI coder: viem's client
  // and readContract would bring its transports, actions and error classes into the service worker.
  const rpc: RpcOptions = { url: rpcUrl, timeoutMs, fetchFn };
  const data = concat([BALANCE_OF_SELECTOR, encodeAbiParameters([{ type: 'address' }], [address.toLowerCase() as Address])]);
  // No contract at the address answers '0x', which does not decode: the stake is unknown.
  const balanceOf = async (token: Address) =>
    decodeAbiParameters([{ type: 'uint256' }], (await ethCall(rpc, { to: token, data })) as Hex)[0];
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

import { defineChain } from 'viem';
import { BASE_CHAIN_ID } from './contracts';

/**
 * Base as served by the local anvil. Deliberately without Base's `contracts` entries (multicall,
 * ERC-6492 verifier): those are not deployed on a fresh anvil, so viem must use its deployless paths.
 */
export function sandboxBase(rpcUrl: string) {
  return defineChain({
    id: BASE_CHAIN_ID,
    name: 'Base (sandbox)',
    nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 },
    rpcUrls: { default: { http: [rpcUrl] } },
  });
}

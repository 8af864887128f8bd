// The API's view of the chain: EIP-191 / ERC-1271 signature checks and sVVV balances, read from anvil
// through viem. The transport consults the faults so tests can make the RPC fail.
import { type Hex, createPublicClient, custom, http } from 'viem';
import { sandboxBase } from '../chain/chain';
import { STAKING_ADDRESS, erc20Abi } from '../chain/contracts';
import type { Faults } from './faults';

export type SignatureVerdict = 'valid' | 'mismatch' | 'unavailable';

export interface ChainReader {
  verifySignature(address: Hex, message: string, signature: Hex): Promise<SignatureVerdict>;
  stakedBalance(address: Hex): Promise<bigint>;
}

export function createChainReader(rpcUrl: string, faults: Faults): ChainReader {
  const chain = sandboxBase(rpcUrl);
  const upstream = http(rpcUrl, { retryCount: 0, timeout: 5_000 })({ chain, retryCount: 0 });
  const transport = custom(
    {
      async request(args) {
        if (faults.takeRpcFailure()) throw new Error('sandbox fault: the Base RPC is unavailable');
        return upstream.request(args);
      },
    },
    { retryCount: 0 },
  );
  const client = createPublicClient({ chain, transport });

  return {
    async verifySignature(address, message, signature) {
      // A first, plain RPC call: viem's verifyMessage falls back to local ECDSA recovery when the
      // chain cannot be reached, which would hide an RPC outage.
      try {
        await client.getCode({ address });
      } catch {
        return 'unavailable';
      }
      try {
        return (await client.verifyMessage({ address, message, signature })) ? 'valid' : 'mismatch';
      } catch {
        return 'unavailable';
      }
    },
    stakedBalance(address) {
      return client.readContract({ address: STAKING_ADDRESS, abi: erc20Abi, functionName: 'balanceOf', args: [address] });
    },
  };
}

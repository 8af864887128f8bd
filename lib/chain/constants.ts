/** The Base contracts and defaults for reading VVV stake (see the web3 key guide and the facts sheet). */
import type { Address } from 'viem';

export const DEFAULT_BASE_RPC_URL = 'https://mainnet.base.org';

/** The VVV staking contract, which is itself the sVVV ERC-20 (18 decimals). */
export const SVVV_ADDRESS: Address = '0x321b7ff75154472B18EDb199033fF4D116F340Ff';
/** The VVV token (18 decimals). */
export const VVV_ADDRESS: Address = '0xacfE6019Ed1A7Dc6f7B508C02d1b04ec88cC21bf';

/** Where a person can look at the staking contract (and stake). */
export const STAKING_CONTRACT_URL = `https://basescan.org/address/${SVVV_ADDRESS}`;

/** ERC-20 `balanceOf(address)`: the first 4 bytes of its signature's keccak-256 (test/unit/chain checks it). */
export const BALANCE_OF_SELECTOR = '0x70a08231';

// The sandbox contracts: real Base addresses, call ABIs, and the compiled code from compiled.json.
import { readFileSync } from 'node:fs';
import { type Abi, type Hex, parseAbi } from 'viem';

export const VVV_ADDRESS = '0xacfE6019Ed1A7Dc6f7B508C02d1b04ec88cC21bf' as const;
export const STAKING_ADDRESS = '0x321b7ff75154472B18EDb199033fF4D116F340Ff' as const;
export const BASE_CHAIN_ID = 8453;

export const erc20Abi = parseAbi([
  'function name() view returns (string)',
  'function symbol() view returns (string)',
  'function decimals() view returns (uint8)',
  'function totalSupply() view returns (uint256)',
  'function balanceOf(address account) view returns (uint256)',
  'function allowance(address owner, address spender) view returns (uint256)',
  'function approve(address spender, uint256 amount) returns (bool)',
  'function transfer(address to, uint256 amount) returns (bool)',
]);
export const vvvAbi = parseAbi(['function mint(address to, uint256 amount)', 'function minter() view returns (address)']);
export const stakingAbi = parseAbi(['function stake(uint256 amount)', 'function unstake(uint256 amount)']);
export const smartWalletAbi = parseAbi([
  'function owner() view returns (address)',
  'function execute(address target, uint256 value, bytes data) returns (bytes)',
  'function isValidSignature(bytes32 hash, bytes signature) view returns (bytes4)',
]);

export interface CompiledContract {
  abi: Abi;
  bytecode: Hex;
  deployedBytecode: Hex;
  storageSlots: Record<string, number>;
}

interface CompiledFile {
  compiler: string;
  contracts: Record<'VeniceToken' | 'VeniceStaking' | 'SandboxSmartWallet', CompiledContract>;
}

let cached: CompiledFile | undefined;

/** Reads contracts/compiled.json (written by contracts/compile.ts). */
export function compiled(): CompiledFile['contracts'] {
  cached ??= JSON.parse(readFileSync(new URL('../contracts/compiled.json', import.meta.url), 'utf8')) as CompiledFile;
  return cached.contracts;
}

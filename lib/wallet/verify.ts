/**
 * Checks a wallet's signature before anything is posted to Venice. An ordinary
 * account (EOA) is checked offline by recovering the signer. Anything else is
 * asked of Base: one eth_call running the ERC-6492 universal signature validator
 * without deploying it (viem's bytecode), which checks ERC-1271 smart-contract
 * wallets and ERC-6492 counterfactual (not yet deployed) ones, as viem's
 * verifyMessage does for a chain with no validator contract of its own.
 * (ERC-8010 / EIP-7702 wrapped signatures, which viem also checks, are not.)
 */
import {
  concat,
  encodeAbiParameters,
  erc6492SignatureValidatorByteCode,
  hashMessage,
  isAddressEqual,
  recoverMessageAddress,
  type Address,
  type Hex,
} from 'viem';
import { ethCall, rpcRequest, RpcResponseError, type RpcOptions } from '../chain/rpc';
import { AppException, appError } from '../errors';


/** A JSON-RPC error that is an EVM revert: code 3 (geth, anvil) or "revert" in the message (-32000 and others). */
const isRevert = (error: RpcResponseError) => error.code === 3 || /revert/i.test(error.message);

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

/** The validator's constructor arguments: `(address signer, bytes32 hash, bytes signature)`. */
const VALIDATOR_ARGS = [{ type: 'address' }, { type: 'bytes32' }, { type: 'bytes' }] as const;

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
  const rpc: RpcOptions = { url: rpcUrl, timeoutMs, fetchFn };
  const unreachable = (error: unknown) =>
    new AppException(appError('RPC_UNREACHABLE', 'The signature could not be checked on Base.'), { cause: error });
  const mismatch = () => new AppException(appError('SIGNATURE_LOCAL_MISMATCH'));
  let data: Hex;
  try {
    data = concat([
      erc6492SignatureValidatorByteCode,
      encodeAbiParameters(VALIDATOR_ARGS, [address.toLowerCase() as Address, hashMessage(message), signature]),
    ]);
  } catch {
    throw mismatch(); // a signature that is not even hex
  }
  // First make sure Base answers at all: a validator that reverts means "not valid", not "unreachable".
  await rpcRequest(rpc, 'eth_getCode', [address, 'latest']).catch((error: unknown) => {
    throw unreachable(error);
  });
  let answer: unknown;
  try {
    answer = await ethCall(rpc, { data });
  } catch (error) {
    // The validator reverted: no valid signature. Any other JSON-RPC error (a rate limit, "header
    // not found" sent with HTTP 200) says nothing about the signature: the chain could not answer.
    if (error instanceof RpcResponseError && isRevert(error)) throw mismatch();
    throw unreachable(error);
  }
  // The validator's runtime answers one byte (or a padded word): 1 for valid.
  if (typeof answer !== 'string' || !/^0x[0-9a-f]*$/i.test(answer) || answer.length === 2 || BigInt(answer) !== 1n) throw mismatch();
  return 'contract';
}

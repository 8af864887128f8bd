// POST /__sandbox/wallet/sign: the key side of the Sandbox Wallet (test/sandbox/page/sandbox-wallet.js).
// The page has no bundler, so it asks the sandbox to sign with one of the sandbox wallets' keys.
// Body: {wallet: 'staked'|'liquid'|'empty'|'contract', message?: '0x…' (the bytes personal_sign got)}.
// Answer: {address} (for eth_requestAccounts), plus {signature} (EIP-191) when a message was sent.
// For `contract` the address is the ERC-1271 wallet and the owner's key signs for it.
// These are anvil's public development keys: nothing here is worth anything off this machine.
import type { IncomingHttpHeaders } from 'node:http';
import type { Hex } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { z } from 'zod';
import type { SandboxWallets } from '../chain/setup';
import type { Handler } from './context';
import { fail, ok } from './reply';

const BodySchema = z.strictObject({
  wallet: z.enum(['staked', 'liquid', 'empty', 'contract']),
  message: z
    .string()
    .regex(/^0x(?:[0-9a-fA-F]{2})+$/)
    .max(2 + 32_768)
    .optional(),
});

export class WalletSignError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export interface WalletSignResult {
  address: Hex;
  signature?: Hex;
}

/** Signs `message` with the chosen sandbox wallet. Throws WalletSignError (400/403) for a bad request. */
export async function handleWalletSign(headers: IncomingHttpHeaders, body: unknown, wallets: SandboxWallets): Promise<WalletSignResult> {
  // Only the sandbox's own page may ask: a browser sends Origin on a cross-site POST.
  const origin = headers.origin;
  if (origin !== undefined && headers.host !== undefined && origin !== `http://${headers.host}`) {
    throw new WalletSignError(403, 'Only the sandbox signing page may use the sandbox wallet');
  }
  const parsed = BodySchema.safeParse(body);
  if (!parsed.success) throw new WalletSignError(400, 'Send {wallet: "staked"|"liquid"|"empty"|"contract", message?: "0x…"}');
  const wallet = wallets[parsed.data.wallet];
  if (!wallet.privateKey) throw new WalletSignError(400, `The ${parsed.data.wallet} sandbox wallet has no key to sign with`);
  if (parsed.data.message === undefined) return { address: wallet.address };
  const signer = privateKeyToAccount(wallet.privateKey);
  const signature = await signer.signMessage({ message: { raw: parsed.data.message as Hex } });
  return { address: wallet.address, signature };
}

export const walletSignRoute: Handler = async (ctx) => {
  try {
    return ok(await handleWalletSign(ctx.headers, ctx.body, ctx.deps.wallets));
  } catch (error) {
    if (error instanceof WalletSignError) return fail(error.status, error.message);
    throw error;
  }
};

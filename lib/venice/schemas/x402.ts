/** Schemas of GET /x402/balance/{walletAddress} (Sign-In-With-X authenticated). */
import * as z from 'zod/mini';

/** An EVM or Solana address, the path pattern of the OpenAPI file. */
export const X402WalletAddressSchema = z
  .string()
  .check(z.regex(/^(0x[a-fA-F0-9]{40}|[1-9A-HJ-NP-Za-km-z]{32,44})$/, 'Not an EVM or Solana address'));

/** The SIGN-IN-WITH-X header value: base64 of the signed SIWX JSON payload. */
export const SiwxHeaderSchema = z.string().check(z.regex(/^[A-Za-z0-9+/_-]+=*$/, 'Not a base64 value'));

export const X402BalanceResponseSchema = z.object({
  success: z.literal(true),
  data: z.object({
    walletAddress: z.string(),
    balanceUsd: z.number(),
    canConsume: z.boolean(),
    minimumTopUpUsd: z.number(),
    suggestedTopUpUsd: z.number(),
    diemBalanceUsd: z.optional(z.number()),
  }),
});
export type X402BalanceResponse = z.infer<typeof X402BalanceResponseSchema>;

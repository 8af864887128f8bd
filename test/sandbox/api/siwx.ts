// Sign-In-With-X (EVM): the SIGN-IN-WITH-X header (or legacy X-Sign-In-With-X) holds base64 JSON
// {address, message, signature, timestamp, chainId}; `message` is an EIP-4361 SIWE message.
// Verified with the `siwe` package (ERC-1271 wallets through an ethers provider on the local anvil).
import { JsonRpcProvider } from 'ethers';
import { SiweMessage } from 'siwe';
import { z } from 'zod';

const payloadSchema = z.object({
  address: z.string(),
  message: z.string(),
  signature: z.string().regex(/^0x(?:[0-9a-fA-F]{2})+$/),
  timestamp: z.number(),
  chainId: z.union([z.literal(8453), z.literal('8453'), z.literal('eip155:8453')]),
});

export type SiwxResult = { ok: true; address: string } | { ok: false; reason: string };

export interface SiwxVerifier {
  verify(header: string, now: number): Promise<SiwxResult>;
  close(): void;
}

export function createSiwxVerifier(rpcUrl: string, allowedDomains: () => string[]): SiwxVerifier {
  const provider = new JsonRpcProvider(rpcUrl, 8453, { staticNetwork: true });
  return {
    async verify(header, now) {
      let payload: z.infer<typeof payloadSchema>;
      try {
        payload = payloadSchema.parse(JSON.parse(Buffer.from(header, 'base64').toString('utf8')));
      } catch {
        return { ok: false, reason: 'payload is not base64 JSON of the expected shape' };
      }
      let message: SiweMessage;
      try {
        message = new SiweMessage(payload.message);
      } catch {
        return { ok: false, reason: 'message is not an EIP-4361 message' };
      }
      if (message.chainId !== 8453) return { ok: false, reason: 'chain id is not 8453' };
      if (!allowedDomains().includes(message.domain)) return { ok: false, reason: 'domain is not allowed' };
      if (message.address.toLowerCase() !== payload.address.toLowerCase()) return { ok: false, reason: 'address differs from message' };
      const result = await message.verify(
        { signature: payload.signature, domain: message.domain, time: new Date(now).toISOString() },
        { provider, suppressExceptions: true },
      );
      return result.success ? { ok: true, address: message.address } : { ok: false, reason: 'signature or time check failed' };
    },
    close() {
      provider.destroy();
    },
  };
}

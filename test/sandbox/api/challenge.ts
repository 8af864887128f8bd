// The 402 answer to a request without an Authorization header: an x402 discovery challenge shaped
// like components.schemas.X402InferencePaymentRequired, plus the PAYMENT-REQUIRED header.
import { randomBytes } from 'node:crypto';
import type { Ctx } from './context';
import type { Reply } from './reply';

const BASE_USDC = '0x833589fCD6eDb6E08f4c7C32D4f71b54bdA02913';
const PAY_TO = '0x2670B922ef37C7Df47158725C0CC407b5382293F';

export function paymentRequired(ctx: Ctx): Reply {
  const origin = ctx.deps.origin();
  const resource = { url: `${origin}${ctx.path}`, description: 'Venice API (sandbox)', mimeType: 'application/json' };
  const accepts = [
    {
      scheme: 'exact' as const,
      network: 'base',
      asset: BASE_USDC,
      amount: '5000000',
      payTo: PAY_TO,
      maxTimeoutSeconds: 300,
      extra: { name: 'USD Coin', version: '2' },
    },
  ];
  const issuedAt = ctx.deps.clock.iso();
  const body = {
    x402Version: 2,
    error: 'Payment required',
    resource,
    accepts,
    extensions: {
      'sign-in-with-x': {
        domain: new URL(origin).host,
        uri: resource.url,
        version: '1',
        chainId: 'eip155:8453',
        statement: 'Sign in to Venice AI',
        nonce: randomBytes(12).toString('hex'),
        issuedAt,
      },
    },
    authOptions: {
      apiKey: { header: 'Authorization: Bearer YOUR_API_KEY', getKey: 'https://venice.ai/settings/api', docs: 'https://docs.venice.ai/api-reference' },
      x402Wallet: {
        header: 'SIGN-IN-WITH-X',
        legacyHeader: 'X-Sign-In-With-X',
        topUp: 'POST /api/v1/x402/top-up',
        docs: 'https://docs.venice.ai/api-reference/endpoint/x402/top-up',
      },
    },
  };
  const header = Buffer.from(JSON.stringify({ x402Version: 2, resource, accepts }), 'utf8').toString('base64');
  return { status: 402, body, headers: { 'payment-required': header } };
}

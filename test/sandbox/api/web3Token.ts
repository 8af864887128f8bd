// The validation token of the web3 flow: an HS256 JWT with issuer and audience, valid 15 minutes
// on the sandbox clock.
import { randomUUID } from 'node:crypto';
import { SignJWT, jwtVerify } from 'jose';

export const TOKEN_ISSUER = 'https://api.venice.ai';
export const TOKEN_AUDIENCE = 'venice-web3-api-key';
export const TOKEN_TTL_SECONDS = 15 * 60;

export type TokenProblem =
  | 'JWT has expired'
  | 'JWT signature is invalid'
  | 'JWT claims are invalid'
  | 'JWT is malformed';

function keyOf(secret: string): Uint8Array {
  return new TextEncoder().encode(secret);
}

export function issueToken(secret: string, now: number): Promise<string> {
  const issuedAt = Math.floor(now / 1000);
  return new SignJWT({})
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuer(TOKEN_ISSUER)
    .setAudience(TOKEN_AUDIENCE)
    .setIssuedAt(issuedAt)
    .setNotBefore(issuedAt - 5)
    .setExpirationTime(issuedAt + TOKEN_TTL_SECONDS)
    .setJti(randomUUID())
    .sign(keyOf(secret));
}

/** undefined when the token is one this sandbox issued and is still valid at `now`. */
export async function checkToken(token: string, secret: string, now: number): Promise<TokenProblem | undefined> {
  try {
    await jwtVerify(token, keyOf(secret), {
      algorithms: ['HS256'],
      issuer: TOKEN_ISSUER,
      audience: TOKEN_AUDIENCE,
      requiredClaims: ['exp', 'iat'],
      currentDate: new Date(now),
    });
    return undefined;
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'ERR_JWT_EXPIRED') return 'JWT has expired';
    if (code === 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED' || code === 'ERR_JOSE_ALG_NOT_ALLOWED') return 'JWT signature is invalid';
    if (code === 'ERR_JWT_CLAIM_VALIDATION_FAILED') return 'JWT claims are invalid';
    return 'JWT is malformed';
  }
}

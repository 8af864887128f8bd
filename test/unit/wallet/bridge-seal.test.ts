// The MAC on every message between the signing tab's two scripts (lib/wallet/bridge-seal.ts).
import { describe, expect, it } from 'vitest';
import { createSeal, randomSecret } from '../../../lib/wallet/bridge-seal';

describe('bridge seal', () => {
  it('opens what the same secret sealed for the same direction, and nothing else', async () => {
    const secret = randomSecret();
    const seal = createSeal(secret);
    const message = { id: 'a'.repeat(32), request: { kind: 'eth_chainId' } };
    const sealed = await seal.seal('to-page', message);
    expect(await createSeal(secret).open('to-page', sealed)).toEqual(message);
    expect(await seal.open('to-bridge', sealed)).toBeUndefined(); // played back the other way
    expect(await createSeal(randomSecret()).open('to-page', sealed)).toBeUndefined();
    expect(await seal.open('to-page', { ...sealed, body: sealed.body.replace('eth_chainId', 'eth_accounts') })).toBeUndefined();
    expect(await seal.open('to-page', message)).toBeUndefined(); // unsealed
    expect(await seal.open('to-page', { ...sealed, extra: 1 })).toBeUndefined();
  });

  it('draws 256-bit secrets and refuses anything else as a key', () => {
    const secrets = new Set(Array.from({ length: 50 }, randomSecret));
    expect(secrets.size).toBe(50);
    for (const secret of secrets) expect(secret).toMatch(/^[0-9a-f]{64}$/);
    expect(() => createSeal('short')).toThrow();
  });
});

import { describe, expect, it } from 'vitest';
import type { MintKeyBody } from '../../../lib/venice/schemas/web3';
import type { VeniceClient } from '../../../lib/venice/client';
import type { VeniceError } from '../../../lib/venice/venice-error';
import { ADMIN_KEY, INFERENCE_KEY, KEY_ID, MINT_BODIES, SIGNATURE, SIWX, TOKEN, UPDATE_BODIES, WALLET } from './fixtures';
import { harness, rejectionOf } from './harness';

const SECRETS = [ADMIN_KEY, INFERENCE_KEY, TOKEN, SIGNATURE, SIWX];

/** Every way the error could be shown or sent somewhere. */
function surfaces(e: VeniceError): string[] {
  return [e.message, e.detail ?? '', JSON.stringify(e), JSON.stringify(e.toJSON()), String(e), e.stack ?? ''];
}

function expectNoSecret(e: VeniceError) {
  for (const text of surfaces(e)) {
    for (const secret of SECRETS) {
      expect(text).not.toContain(secret);
      // Not even a recognisable part of it.
      expect(text).not.toContain(secret.slice(20, 44));
    }
  }
}

const RUNS: Record<string, (c: VeniceClient) => Promise<unknown>> = {
  listKeys: (c) => c.listKeys(),
  getKey: (c) => c.getKey(KEY_ID),
  createKey: (c) => c.createKey({ apiKeyType: 'INFERENCE', description: 'a' }),
  updateKey: (c) => c.updateKey(UPDATE_BODIES[0]),
  deleteKey: (c) => c.deleteKey(KEY_ID),
  getRateLimits: (c) => c.getRateLimits({ apiKey: INFERENCE_KEY }),
  getRateLimitLog: (c) => c.getRateLimitLog(),
  getWeb3Token: (c) => c.getWeb3Token(),
  mintWeb3Key: (c) => c.mintWeb3Key(MINT_BODIES[0]),
  getBillingBalance: (c) => c.getBillingBalance(),
  getX402Balance: (c) => c.getX402Balance(WALLET, SIWX),
};

/** A hostile server that echoes everything it was sent in its error text. */
const ECHOES = [
  (sent: string) => `Bad key ${sent}`,
  (sent: string) => `Invalid value: ${JSON.stringify(sent)}`,
  (sent: string) => `JWT has expired: token=${sent.replace(/^VENICE_/, '')}`,
];

describe('no secret passed to the client ever appears in an error', () => {
  for (const [name, run] of Object.entries(RUNS)) {
    it.each([400, 401, 402, 403, 429, 500])(`${name}: server echoes secrets with status %i`, async (status) => {
      const { client, calls } = harness(
        (call) => ({
          status,
          json: { error: ECHOES.map((echo) => echo([call.headers.authorization, ...SECRETS].join(' | '))).join(' / ') },
        }),
        { retries: 1 },
      );
      const e = (await rejectionOf(run(client))) as VeniceError;
      expect(calls.length).toBeGreaterThan(0);
      expectNoSecret(e);
      for (const call of calls) for (const secret of SECRETS) expect(call.url).not.toContain(secret);
    });
  }

  it('a 2xx answer of the wrong shape that carries secrets does not leak them', async () => {
    const { client } = harness([{ json: { data: { apiKey: ADMIN_KEY, token: TOKEN, signature: SIGNATURE } } }]);
    expectNoSecret((await rejectionOf(client.mintWeb3Key(MINT_BODIES[0]))) as VeniceError);
  });

  it('a refused input keeps the token and signature out of the hint', async () => {
    const bad = { ...MINT_BODIES[0], address: 'nope', extra: TOKEN } as unknown as MintKeyBody;
    const { client } = harness([]);
    expectNoSecret((await rejectionOf(client.mintWeb3Key(bad))) as VeniceError);
  });

  it('the key is sent only in the Authorization header', async () => {
    const { client, calls } = harness(() => ({ status: 500, json: { error: 'x' } }), { retries: 0 });
    await rejectionOf(client.deleteKey(KEY_ID));
    const { authorization, ...others } = calls[0]!.headers;
    expect(authorization).toBe(`Bearer ${ADMIN_KEY}`);
    expect(JSON.stringify(others) + calls[0]!.url + JSON.stringify(calls[0]!.body ?? null)).not.toContain(ADMIN_KEY);
  });
});

// Property test of the Venice client (lib/venice): for any answer a fake fetch gives (any JSON
// or broken body, any status, any mix of headers, a thrown network error, or a real answer with
// one field changed), every method resolves with checked data or rejects with a VeniceError of
// the error table, never another throw, and no secret it was given appears in the error.
import { it } from '@fast-check/vitest';
import fc from 'fast-check';
import { describe, expect } from 'vitest';
import { ERROR_CODES, ERROR_TABLE } from '../../../lib/errors';
import type { VeniceClient } from '../../../lib/venice/client';
import { VeniceError } from '../../../lib/venice/venice-error';
import { ADMIN_KEY, ANSWERS, INFERENCE_KEY, KEY_ID, MINT_BODIES, SIGNATURE, SIWX, TOKEN, WALLET } from './fixtures';
import { harness } from './harness';

const SECRETS = [ADMIN_KEY, INFERENCE_KEY, TOKEN, SIGNATURE, SIWX];
const METHODS: Record<string, (c: VeniceClient) => Promise<unknown>> = {
  listKeys: (c) => c.listKeys(),
  getKey: (c) => c.getKey(KEY_ID),
  createKey: (c) => c.createKey({ apiKeyType: 'INFERENCE', description: 'a' }),
  updateKey: (c) => c.updateKey({ id: KEY_ID, description: 'Renamed' }),
  deleteKey: (c) => c.deleteKey(KEY_ID),
  getRateLimits: (c) => c.getRateLimits({ apiKey: INFERENCE_KEY }),
  getRateLimitLog: (c) => c.getRateLimitLog(),
  getWeb3Token: (c) => c.getWeb3Token(),
  mintWeb3Key: (c) => c.mintWeb3Key(MINT_BODIES[0]),
  getBillingBalance: (c) => c.getBillingBalance(),
  getX402Balance: (c) => c.getX402Balance(WALLET, SIWX),
};

/** A real answer of some operation with one field replaced (deep), as JSON text. */
const nearAnswer = fc.tuple(fc.constantFrom(...Object.values(ANSWERS)), fc.jsonValue({ maxDepth: 2 }), fc.nat(), fc.boolean()).map(([answer, value, pick, truncate]) => {
  const copy = structuredClone(answer) as Record<string, unknown>;
  const target = (typeof copy.data === 'object' && copy.data !== null && !Array.isArray(copy.data) ? copy.data : copy) as Record<string, unknown>;
  const keys = Object.keys(target);
  target[keys[pick % keys.length]!] = value;
  const text = JSON.stringify(copy);
  return truncate ? text.slice(0, pick % text.length) : text;
});
/** Server text that echoes the secrets it was sent. */
const echo = fc.constantFrom(...SECRETS).map((secret) => JSON.stringify({ error: `Invalid value ${secret}`, details: { token: secret } }));
const body = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)),
  nearAnswer,
  echo,
  fc.string({ maxLength: 200 }),
  fc.constant(''),
);
const status = fc.oneof(fc.constantFrom(200, 201, 204, 301, 400, 401, 402, 403, 404, 409, 415, 422, 429, 500, 502, 503, 504), fc.integer({ min: 200, max: 599 }));
const headerValue = fc.oneof(fc.stringMatching(/^[\x20-\x7e]{0,40}$/), fc.integer({ min: -10, max: 1e12 }).map(String), fc.date({ noInvalidDate: true }).map((d) => d.toUTCString()));
const headers = fc.dictionary(
  fc.constantFrom('content-type', 'retry-after', 'x-ratelimit-reset-requests', 'x-ratelimit-remaining-requests', 'location', 'x-venice-balance-usd'),
  headerValue,
  { maxKeys: 4 },
);
const thrown = fc.constantFrom(
  () => new TypeError('Failed to fetch'),
  () => new DOMException('The operation was aborted.', 'AbortError'),
  () => `raw string with ${ADMIN_KEY}`,
  () => ({ message: `an object with ${TOKEN}` }),
  () => null,
);
const answer = fc.oneof(
  { weight: 5, arbitrary: fc.record({ status, headers, body }) },
  { weight: 1, arbitrary: fc.record({ throw: thrown }) },
);

function respond(a: { status: number; headers: Record<string, string>; body: string } | { throw: () => unknown }): Response {
  if ('throw' in a) throw a.throw();
  const nullBody = a.status === 204 || a.status === 205 || a.status === 304;
  const headers = new Headers();
  for (const [name, value] of Object.entries(a.headers)) headers.set(name, value);
  return new Response(nullBody ? null : a.body, { status: a.status, headers });
}

describe('Venice client (property)', () => {
  it.prop([fc.constantFrom(...Object.keys(METHODS)), fc.array(answer, { minLength: 1, maxLength: 3 })], { numRuns: 300 })(
    'any answer gives checked data or a VeniceError of the table, with no secret in it',
    async (method, answers) => {
      let i = 0;
      const { client } = harness(() => undefined as never, {
        retries: 1,
        fetch: async () => respond(answers[Math.min(i++, answers.length - 1)]!),
      });
      const outcome = await METHODS[method]!(client).then(
        (value) => ({ value }),
        (error: unknown) => ({ error }),
      );
      if (!('error' in outcome)) return;
      const error = outcome.error;
      expect(error).toBeInstanceOf(VeniceError);
      const e = error as VeniceError;
      expect(ERROR_CODES).toContain(e.code);
      expect(e.message.length).toBeGreaterThan(0);
      expect(e.action).toBe(ERROR_TABLE[e.code].action);
      const texts = [e.message, e.detail ?? '', JSON.stringify(e), JSON.stringify(e.toJSON()), String(e), e.stack ?? ''];
      for (const text of texts) for (const secret of SECRETS) expect(text).not.toContain(secret.slice(20, 44));
    },
  );
});

// Property tests of the wallet bridge's parsers (lib/wallet/bridge-*.ts): whatever a page or a
// content script posts, each parser returns a checked message or refuses it (undefined / a failed
// safeParse), never throws, never lets an extra field or a method outside the allowlist through,
// and stays fast on long hostile strings. Messages arrive structured-cloned or as JSON, so the
// inputs are such values: random ones, and near misses of real messages.
import { it } from '@fast-check/vitest';
import fc from 'fast-check';
import { describe, expect } from 'vitest';
import { parseTabRequestInput, TabEnvelopeSchema } from '../../../lib/wallet/bridge-messages';
import {
  HandshakeSchema,
  parsePageReply,
  parsePageRequest,
  parseWalletRequest,
  resultSchemaFor,
  WALLET_REQUESTS,
  type WalletRequest,
} from '../../../lib/wallet/bridge-protocol';

const hex = (min: number, max: number) => fc.stringMatching(new RegExp(`^[0-9a-f]{${min},${max}}$`));
const id = hex(32, 32);
const address = hex(40, 40).map((h) => `0x${h}`);
const walletRequest: fc.Arbitrary<WalletRequest> = fc.oneof(
  fc.constant({ kind: 'discover' as const }),
  fc.stringMatching(/^[\w.:-]{1,100}$/).map((wallet) => ({ kind: 'select' as const, wallet })),
  fc.constantFrom({ kind: 'eth_requestAccounts' as const }, { kind: 'eth_accounts' as const }, { kind: 'eth_chainId' as const }),
  fc.record({ kind: fc.constant('personal_sign' as const), message: hex(1, 40).map((h) => `0x${h.length % 2 ? `${h}0` : h}`), address }),
);
const pageReply = fc.oneof(
  fc.record({ kind: fc.constant('ready'), nonce: id }),
  fc.record({ kind: fc.constant('result'), id, value: fc.jsonValue() }),
  fc.record({ kind: fc.constant('error'), id, error: fc.record({ code: fc.integer(), message: fc.string({ maxLength: 300 }) }) }),
  fc.record({ kind: fc.constant('accountsChanged'), value: fc.array(address, { maxLength: 3 }) }),
  fc.record({ kind: fc.constant('chainChanged'), value: hex(1, 16).map((h) => `0x${h}`) }),
);

const KEYS = ['kind', 'id', 'request', 'nonce', 'value', 'error', 'message', 'address', 'wallet', 'type', '__proto__', 'constructor', 'toString'];
const anything = fc.anything({ key: fc.oneof(fc.string(), fc.constantFrom(...KEYS)), maxDepth: 3, withNullPrototype: true, withObjectString: true });
/** A real message with one field replaced by anything, one field added, or its kind swapped for another. */
function nearMiss<T extends object>(valid: fc.Arbitrary<T>) {
  const kinds = [...Object.keys(WALLET_REQUESTS), 'ready', 'result', 'error', 'accountsChanged', 'chainChanged', 'walletsChanged', 'keepalive', 'eth_sendTransaction', 'eth_signTypedData_v4', 'wallet_addEthereumChain', 'hasOwnProperty', '__proto__'];
  return fc.tuple(valid, fc.constantFrom(...KEYS), anything, fc.constantFrom(...kinds), fc.nat(2)).map(([message, key, value, kind, how]) => {
    const copy = { ...message } as Record<string, unknown>;
    if (how === 0) Object.defineProperty(copy, key, { value, enumerable: true, configurable: true, writable: true });
    else if (how === 1) copy.kind = kind;
    else copy[`x-${key}`] = value;
    return copy;
  });
}

/** Runs a parser; it must not throw. */
function refusesOrParses<T>(parse: (input: unknown) => T, input: unknown): T {
  let result: T;
  expect(() => (result = parse(input))).not.toThrow();
  return result!;
}

const RUNS = { numRuns: 300 };
const ALLOWED = new Set(Object.keys(WALLET_REQUESTS));

describe('wallet bridge parsers (property)', () => {
  it.prop([walletRequest, id], RUNS)('accepts every well-formed request, unchanged', (request, requestId) => {
    expect(parseWalletRequest(request)).toEqual(request);
    expect(parsePageRequest({ id: requestId, request })).toEqual({ id: requestId, request });
    // The background addresses each request to the bridge it accepted (lib/wallet/bridge-link.ts).
    expect(parseTabRequestInput({ bridgeId: requestId, request })).toEqual({ request });
  });

  it.prop([fc.oneof(anything, nearMiss(walletRequest)), id], RUNS)(
    'a request is a checked one of the allowlist, or refused; nothing throws',
    (input, requestId) => {
      for (const parsed of [
        refusesOrParses(parseWalletRequest, input),
        refusesOrParses(parsePageRequest, { id: requestId, request: input })?.request,
        refusesOrParses(parseTabRequestInput, { bridgeId: requestId, request: input })?.request,
      ]) {
        if (parsed === undefined) continue;
        expect(ALLOWED.has(parsed.kind)).toBe(true);
        expect(WALLET_REQUESTS[parsed.kind].safeParse(parsed).success).toBe(true);
        expect(Object.keys(parsed).every((key) => Object.hasOwn(WALLET_REQUESTS[parsed.kind].shape, key))).toBe(true);
      }
      refusesOrParses(parsePageRequest, input);
      refusesOrParses(parseTabRequestInput, input);
      refusesOrParses((x) => HandshakeSchema.safeParse(x), input);
      refusesOrParses((x) => TabEnvelopeSchema.safeParse(x), input);
    },
  );

  it.prop([fc.oneof(anything, pageReply, nearMiss(pageReply)), walletRequest], RUNS)(
    'a page reply is a checked reply, or refused; a result is checked against what was asked',
    (input, request) => {
      const parsed = refusesOrParses(parsePageReply, input);
      if (parsed?.kind === 'result') refusesOrParses((v) => resultSchemaFor(request).safeParse(v), parsed.value);
      if (parsed !== undefined) expect(parsePageReply(structuredClone(parsed))).toEqual(parsed);
    },
  );

  it.prop([fc.integer({ min: 20_000, max: 40_000 }), fc.constantFrom('a', '0', 'g', '\n')], { numRuns: 20 })(
    'stays fast on long hostile strings (no regex blow-up)',
    (length, tail) => {
      const long = `0x${'ab'.repeat(length)}${tail}`;
      const started = performance.now();
      parseWalletRequest({ kind: 'personal_sign', message: long, address: long });
      parsePageReply({ kind: 'result', id: long, value: long });
      parsePageReply({ kind: 'walletsChanged', value: [{ uuid: long, name: long, rdns: long, icon: `data:image/png,${long}` }] });
      resultSchemaFor({ kind: 'personal_sign', message: '0x00', address: `0x${'0'.repeat(40)}` }).safeParse(long);
      expect(performance.now() - started).toBeLessThan(250);
    },
  );
});

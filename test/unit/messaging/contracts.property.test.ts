// Property tests of every message contract (lib/messaging and the bridge's contracts): whatever
// arrives, as a request at the receiver or as a reply at the caller, is refused with typed error
// data, never a crash, an unknown code or a raw exception. Messages cross contexts as JSON or
// structured clones, so the inputs are such values: random ones, and near misses of real ones.
import { it } from '@fast-check/vitest';
import fc from 'fast-check';
import { describe, expect, vi } from 'vitest';
import { ERROR_CODES, toAppError } from '../../../lib/errors';
import { call } from '../../../lib/messaging/call';
import { clipboardContracts } from '../../../lib/messaging/clipboard';
import { createDispatcher, type Handlers } from '../../../lib/messaging/handle';
import { mintContracts } from '../../../lib/messaging/mint';
import { ENVELOPE_TAG, RemoteError, ReplyEnvelopeSchema, type Contracts } from '../../../lib/messaging/protocol';
import { settingsContracts } from '../../../lib/messaging/settings';
import { toolbarContracts } from '../../../lib/messaging/toolbar';
import { vaultContracts } from '../../../lib/messaging/vault';
import { bridgeBackgroundContracts, bridgeTabContracts } from '../../../lib/wallet/bridge-contracts';

const GROUPS: Record<string, Contracts> = {
  mint: mintContracts,
  vault: vaultContracts,
  settings: settingsContracts,
  toolbar: toolbarContracts,
  clipboard: clipboardContracts,
  bridgeTab: bridgeTabContracts,
  bridgeBackground: bridgeBackgroundContracts,
};
const ALL: Contracts = Object.assign({}, ...Object.values(GROUPS));
const NAMES = Object.keys(ALL);
const KNOWN_CODES = new Set<string>(ERROR_CODES);

/** JSON-like values, as runtime messages carry them, with prototype-ish keys mixed in. */
const value = fc.anything({
  key: fc.oneof(fc.string(), fc.constantFrom('__proto__', 'constructor', 'toString', 'kind', 'ok', 'input', 'tag', 'name')),
  maxDepth: 3,
  withNullPrototype: true,
  withObjectString: true,
});
/** A request envelope that is nearly right: the right tag and a real name, any input; or anything at all. */
const request = fc.oneof(
  fc.record({ tag: fc.constant(ENVELOPE_TAG), name: fc.constantFrom(...NAMES), input: value }),
  fc.record({ tag: fc.constant(ENVELOPE_TAG), name: fc.constantFrom(...NAMES) }),
  fc.record({ tag: fc.oneof(fc.constant(ENVELOPE_TAG), fc.string()), name: fc.oneof(fc.string(), fc.constantFrom('__proto__', 'toString', 'hasOwnProperty')), input: value }),
  value,
);
/** What a handler may do wrong: answer anything, or throw anything. */
const behaviour = fc.record({ throws: fc.boolean(), value });

const toWireError = (error: unknown) => {
  const { code, message, action } = toAppError(error);
  return { code, message, action };
};

describe('message contracts (property)', () => {
  it.prop([request, behaviour, fc.boolean()], { numRuns: 300 })(
    'a receiver answers any message with a valid reply or ignores it; errors carry a known code; a refused input never reaches its handler',
    async (message, handlerBehaviour, allowed) => {
      const handler = vi.fn(async () => {
        if (handlerBehaviour.throws) throw handlerBehaviour.value;
        return handlerBehaviour.value;
      });
      const handlers = Object.fromEntries(NAMES.map((name) => [name, handler])) as unknown as Handlers<Contracts>;
      const dispatch = createDispatcher(ALL, handlers, { authorize: () => allowed, toWireError });
      const pending = dispatch(message, { id: 'x' });
      if (pending === undefined) return;
      const reply = await pending; // never rejects
      expect(ReplyEnvelopeSchema.safeParse(reply).success).toBe(true);
      if (!reply.ok) expect(KNOWN_CODES.has(reply.error.code)).toBe(true);
      if (!allowed) expect(handler).not.toHaveBeenCalled();
      const name = (message as { name: string }).name;
      if (handler.mock.calls.length > 0) {
        expect(ALL[name]!.input['~standard'].validate((message as { input: unknown }).input)).toMatchObject({ value: expect.anything() });
      }
    },
  );

  it.prop([fc.constantFrom(...NAMES), value, value], { numRuns: 300 })(
    'a caller turns any reply (or a bad input) into the output or a RemoteError with a known code, never another throw',
    async (name, input, reply) => {
      const send = vi.fn(async () => reply);
      const outcome = await call(send, ALL, name, input as never).then(
        (output) => ({ output }),
        (error: unknown) => ({ error }),
      );
      if ('error' in outcome) {
        // The receiver's own error data as it sent it, or the caller's refusal of what it got.
        expect(outcome.error).toBeInstanceOf(RemoteError);
        const { code, message } = outcome.error as RemoteError;
        const sent = (reply as { ok?: unknown; error?: { code?: unknown } } | null)?.error?.code;
        expect(code === sent || code === 'MALFORMED_RESPONSE' || code === 'INVALID_REQUEST').toBe(true);
        expect(message.length).toBeLessThanOrEqual(500);
      }
    },
  );
});

/**
 * The isolated-world half of the signing-tab bridge. It opens a MessageChannel to
 * the main-world script with a one-time handshake, then relays: background requests
 * (tabs.sendMessage, checked envelope, addressed to this bridge's id) -> page port, and
 * the page's answers and wallet events -> background (runtime.sendMessage). Every
 * message on the port is sealed with the secret the background gave both scripts
 * (./bridge-seal.ts): one without a valid MAC is dropped before it is parsed. Every
 * message is parsed on arrival; anything that does not fit is dropped or answered
 * with an error. It imports only zod/mini schemas, to stay small.
 */
import {
  BRIDGE_CODES,
  HANDSHAKE_TYPE,
  WalletInfoSchema,
  parsePageReply,
  randomId,
  resultSchemaFor,
  type WalletRequest,
} from './bridge-protocol';
import {
  BRIDGE_ENVELOPE_TAG,
  BRIDGE_NAMES,
  TabEnvelopeSchema,
  addressedTo,
  parseTabRequestInput,
  type BridgeEvent,
  type TabOutcome,
} from './bridge-messages';
import { createSeal } from './bridge-seal';

type Reply = { ok: true; output: unknown } | { ok: false; error: { code: string; message: string; action: string } };
type Listener = (message: unknown, sender: { id?: string; tab?: unknown }, sendResponse: (reply: Reply) => void) => boolean;

/** The slice of browser.runtime the content script uses. */
export interface TabRuntime {
  id: string;
  sendMessage(message: unknown): Promise<unknown>;
  onMessage: { addListener(listener: Listener): void; removeListener(listener: Listener): void };
}

export interface TabBridgeOptions {
  win: Window;
  runtime: TabRuntime;
  /** The secret shared with the page script (64 hex digits), from the background. */
  secret: string;
  /** How long to wait for the page script's answer to the handshake. */
  readyTimeoutMs?: number;
  /** While a request waits on the user, wake the background this often (MV3 workers sleep after 30 s). */
  keepaliveMs?: number;
}

const invalid: Reply = {
  ok: false,
  error: { code: 'INVALID_REQUEST', message: 'The request did not have the expected form.', action: 'fix_input' },
};

/** Keeps only the wallets whose EIP-6963 info is well formed, so one odd wallet cannot hide the others. */
function keepValidWallets(value: unknown): unknown {
  return Array.isArray(value) ? value.filter((info) => WalletInfoSchema.safeParse(info).success).slice(0, 50) : value;
}

export function startTabBridge({ win, runtime, secret, readyTimeoutMs = 5_000, keepaliveMs = 20_000 }: TabBridgeOptions) {
  const seal = createSeal(secret);
  const bridgeId = randomId();
  const nonce = randomId();
  const channel = new MessageChannel();
  const port = channel.port1;
  const pending = new Map<string, { request: WalletRequest; settle: (outcome: TabOutcome) => void }>();
  let keepalive: ReturnType<typeof setInterval> | undefined;
  let stopped = false;

  const toBackground = (name: string, input: unknown) =>
    runtime.sendMessage({ tag: BRIDGE_ENVELOPE_TAG, name, input }).catch(() => undefined);
  const sendEvent = (event: BridgeEvent) => void toBackground(BRIDGE_NAMES.event, { bridgeId, event });

  let markReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve, reject) => {
    markReady = resolve;
    setTimeout(() => reject(new Error('The page script did not answer the handshake')), readyTimeoutMs);
  });

  const onPageMessage = async (event: MessageEvent) => {
    // Only what the page script sealed with the shared secret: a forged answer is dropped here.
    const data = (await seal.open('to-bridge', event.data)) as { kind?: unknown; value?: unknown } | null | undefined;
    if (typeof data !== 'object' || data === null) return;
    if (data?.kind === 'walletsChanged') data.value = keepValidWallets(data.value);
    const message = parsePageReply(data);
    if (!message) return;
    if (message.kind === 'ready') {
      if (message.nonce === nonce) markReady();
    } else if (message.kind === 'result' || message.kind === 'error') {
      const entry = pending.get(message.id);
      if (!entry) return;
      if (message.kind === 'error') return entry.settle({ ok: false, error: message.error });
      const value = entry.request.kind === 'discover' ? keepValidWallets(message.value) : message.value;
      const checked = resultSchemaFor(entry.request).safeParse(value);
      entry.settle(
        checked.success
          ? { ok: true, value: checked.data }
          : { ok: false, error: { code: BRIDGE_CODES.unknown, message: 'The wallet answered in an unexpected form.' } },
      );
    } else {
      sendEvent(message);
    }
  };
  port.onmessage = (event: MessageEvent) => void onPageMessage(event);

  function forward(request: WalletRequest): Promise<TabOutcome> {
    const id = randomId();
    return new Promise<TabOutcome>((resolve) => {
      pending.set(id, {
        request,
        settle: (outcome) => {
          pending.delete(id);
          if (pending.size === 0) clearInterval(keepalive);
          resolve(outcome);
        },
      });
      if (pending.size === 1) keepalive = setInterval(() => sendEvent({ kind: 'keepalive' }), keepaliveMs);
      void seal.seal('to-page', { id, request }).then((sealed) => port.postMessage(sealed));
    });
  }

  const onMessage: Listener = (message, sender, sendResponse) => {
    if (sender.id !== runtime.id || sender.tab !== undefined) return false;
    const envelope = TabEnvelopeSchema.safeParse(message);
    if (!envelope.success) return false;
    // Addressed to another bridge (one injected earlier into this page): not this one's to answer.
    if (!addressedTo(envelope.data.input, bridgeId)) return false;
    if (envelope.data.name === BRIDGE_NAMES.ping) {
      // `waiting`: requests still waiting on the wallet, so a restarted worker can tell one it never sent.
      sendResponse({ ok: true, output: { bridgeId, waiting: pending.size } });
      return false;
    }
    if (envelope.data.name !== BRIDGE_NAMES.request) return false;
    const input = parseTabRequestInput(envelope.data.input);
    if (!input) {
      sendResponse(invalid);
      return false;
    }
    void forward(input.request).then((outcome) => sendResponse({ ok: true, output: { outcome } }));
    return true; // answered asynchronously
  };

  const started = seal.seal('to-page', { nonce }).then((sealed) => {
    win.postMessage({ type: HANDSHAKE_TYPE, ...sealed }, win.location.origin, [channel.port2]);
    return ready;
  }).then(() => {
    if (stopped) return;
    runtime.onMessage.addListener(onMessage);
    void toBackground(BRIDGE_NAMES.hello, { bridgeId });
  });

  return {
    bridgeId,
    /** Resolves once the page answered the handshake and the background was told. */
    started,
    stop() {
      stopped = true;
      runtime.onMessage.removeListener(onMessage);
      for (const entry of pending.values()) entry.settle({ ok: false, error: { code: BRIDGE_CODES.unknown, message: 'The bridge stopped.' } });
      port.close();
    },
  };
}

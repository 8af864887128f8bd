/**
 * The page-world half of the signing-tab bridge (runs in the MAIN world of the
 * signing tab, next to the user's wallet). It finds wallets (EIP-6963, then
 * window.ethereum), waits for ONE handshake from the extension's isolated script
 * on its own window and origin, sealed with the secret the background gave it
 * (./bridge-seal.ts), and from then on answers only over that MessagePort, and only to
 * sealed requests. It forwards four methods and relays two wallet events; it knows
 * nothing of keys, storage or the popup, and keeps no state but the chosen wallet.
 */
import {
  BRIDGE_CODES,
  HANDSHAKE_TYPE,
  HandshakeBodySchema,
  PAGE_BRIDGE_STARTER,
  HandshakeSchema,
  parsePageRequest,
  type BridgeError,
  type PageReply,
  type WalletRequest,
} from './bridge-protocol';
import { createSeal } from './bridge-seal';

/**
 * Puts the one-shot starter on `win`: not writable, not configurable, answering true once.
 * False when the name is already taken (a page script defined it first): the bridge then
 * does not start, and the background reports that the bridge could not start.
 */
export function exposePageBridgeStarter(win: Window, start: (secret: string) => void): boolean {
  let used = false;
  const starter = (secret: unknown): boolean => {
    if (used || typeof secret !== 'string') return false;
    used = true;
    try {
      start(secret);
      return true;
    } catch {
      return false;
    }
  };
  try {
    Object.defineProperty(win, PAGE_BRIDGE_STARTER, { value: starter, writable: false, configurable: false, enumerable: false });
    return true;
  } catch {
    return false;
  }
}

export interface PageProvider {
  request(args: { method: string; params?: unknown[] }): Promise<unknown>;
  on?(event: string, listener: (value: unknown) => void): unknown;
  removeListener?(event: string, listener: (value: unknown) => void): unknown;
}

export interface PageWallet {
  info: { uuid: string; name: string; icon: string; rdns: string };
  provider: PageProvider;
}

/** The part of a mipd store the bridge uses. */
export interface WalletStore {
  getProviders(): readonly PageWallet[];
  subscribe(listener: () => void): () => void;
}

const INJECTED_ICON =
  'data:image/svg+xml,%3Csvg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"%3E%3Crect x="2" y="6" width="20" height="14" rx="3" fill="%23888"/%3E%3C/svg%3E';
/** How long `discover` waits for a late EIP-6963 announcement when none has come yet. */
const LATE_ANNOUNCE_MS = 400;

const failure = (code: BridgeError['code'], message: string) => ({ bridgeError: { code, message } });

function toBridgeError(error: unknown): BridgeError {
  if (typeof error === 'object' && error !== null) {
    if ('bridgeError' in error) return (error as { bridgeError: BridgeError }).bridgeError;
    const { code, message } = error as { code?: unknown; message?: unknown };
    const text = typeof message === 'string' ? message.slice(0, 300) : '';
    return { code: typeof code === 'number' ? code : BRIDGE_CODES.unknown, message: text };
  }
  return { code: BRIDGE_CODES.unknown, message: '' };
}

/** Starts listening for the handshake. Returns a function that stops everything. */
export function startPageBridge(win: Window, store: WalletStore, secret: string): () => void {
  const origin = win.location.origin;
  const seal = createSeal(secret);
  let port: MessagePort | undefined;
  let chosen: PageWallet | undefined;

  const post = (reply: PageReply) => {
    const to = port;
    seal.seal('to-bridge', reply).then(
      (sealed) => to?.postMessage(sealed),
      () => undefined, // a value the wallet returned is not JSON: the caller times out or retries
    );
  };

  const wallets = (): PageWallet[] => {
    const announced = [...store.getProviders()];
    const injected = (win as { ethereum?: PageProvider }).ethereum;
    if (announced.length === 0 && typeof injected?.request === 'function') {
      return [{ info: { uuid: 'injected', name: 'Browser wallet', rdns: 'injected', icon: INJECTED_ICON }, provider: injected }];
    }
    return announced;
  };
  const infos = () => wallets().map((wallet) => wallet.info);

  const onAccounts = (value: unknown) => post({ kind: 'accountsChanged', value } as PageReply);
  const onChain = (value: unknown) => post({ kind: 'chainChanged', value } as PageReply);
  const choose = (wallet: PageWallet) => {
    if (chosen?.provider !== wallet.provider) {
      chosen?.provider.removeListener?.('accountsChanged', onAccounts);
      chosen?.provider.removeListener?.('chainChanged', onChain);
      wallet.provider.on?.('accountsChanged', onAccounts);
      wallet.provider.on?.('chainChanged', onChain);
    }
    chosen = wallet;
    return wallet.info;
  };
  const current = (): PageProvider => {
    if (chosen) return chosen.provider;
    const first = wallets()[0];
    if (!first) throw failure(BRIDGE_CODES.noWallet, 'No wallet in this page');
    choose(first);
    return first.provider;
  };

  async function run(request: WalletRequest): Promise<unknown> {
    switch (request.kind) {
      case 'discover':
        if (wallets().length === 0) await new Promise((done) => setTimeout(done, LATE_ANNOUNCE_MS));
        return infos();
      case 'select': {
        // By rdns first (a provider may announce another's rdns as its uuid); when several claim
        // that rdns, only the one already chosen in this page (by its uuid) is kept, never a guess.
        const all = wallets();
        const byRdns = all.filter(({ info }) => info.rdns === request.wallet);
        const wallet =
          byRdns.length > 1
            ? byRdns.find(({ provider }) => provider === chosen?.provider)
            : (byRdns[0] ?? all.find(({ info }) => info.uuid === request.wallet));
        if (!wallet) throw failure(BRIDGE_CODES.unknownWallet, 'That wallet is not in this page');
        return choose(wallet);
      }
      case 'personal_sign':
        return current().request({ method: 'personal_sign', params: [request.message, request.address] });
      default:
        return current().request({ method: request.kind });
    }
  }

  const onRequest = async (event: MessageEvent) => {
    const message = parsePageRequest(await seal.open('to-page', event.data));
    if (!message) return;
    run(message.request).then(
      (value) => post({ kind: 'result', id: message.id, value }),
      (error: unknown) => post({ kind: 'error', id: message.id, error: toBridgeError(error) }),
    );
  };

  const unsubscribe = store.subscribe(() => post({ kind: 'walletsChanged', value: infos() } as PageReply));

  const onHandshake = async (event: MessageEvent) => {
    if (port || event.source !== win || event.origin !== origin) return;
    const data: unknown = event.data;
    if ((data as { type?: unknown } | null)?.type !== HANDSHAKE_TYPE) return;
    const handshake = HandshakeSchema.safeParse(data);
    const offered = event.ports[0];
    if (!handshake.success || event.ports.length !== 1 || !offered) return;
    // Only a handshake sealed with this script's secret: one posted by anything else is ignored.
    const body = HandshakeBodySchema.safeParse(await seal.open('to-page', { body: handshake.data.body, mac: handshake.data.mac }));
    if (!body.success || port) return;
    port = offered;
    win.removeEventListener('message', listen); // one handshake only, ever
    port.onmessage = (message) => void onRequest(message);
    post({ kind: 'ready', nonce: body.data.nonce });
  };
  // Checked one at a time, in the order they arrived: a copy of the genuine handshake that a
  // listener on window posts again with a port of its own always comes after the genuine one.
  let checking: Promise<void> = Promise.resolve();
  const listen = (event: MessageEvent) => {
    checking = checking.then(() => onHandshake(event)).catch(() => undefined);
  };
  win.addEventListener('message', listen);

  return () => {
    win.removeEventListener('message', listen);
    unsubscribe();
    if (chosen) {
      chosen.provider.removeListener?.('accountsChanged', onAccounts);
      chosen.provider.removeListener?.('chainChanged', onChain);
    }
    port?.close();
  };
}

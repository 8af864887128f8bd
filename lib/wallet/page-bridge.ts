/**
 * The page-world half of the signing-tab bridge (runs in the MAIN world of the
 * signing tab, next to the user's wallet). It finds wallets (EIP-6963, then
 * window.ethereum), waits for ONE handshake from the extension's isolated script
 * on its own window and origin, and from then on answers only over that private
 * MessagePort. It forwards four methods and relays two wallet events; it knows
 * nothing of keys, storage or the popup, and keeps no state but the chosen wallet.
 */
import {
  BRIDGE_CODES,
  HANDSHAKE_TYPE,
  HandshakeSchema,
  parsePageRequest,
  type BridgeError,
  type PageReply,
  type WalletRequest,
} from './bridge-protocol';

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
export function startPageBridge(win: Window, store: WalletStore): () => void {
  const origin = win.location.origin;
  let port: MessagePort | undefined;
  let chosen: PageWallet | undefined;

  const post = (reply: PageReply) => {
    try {
      port?.postMessage(reply);
    } catch {
      // A value the wallet returned could not be cloned; the caller times out or retries.
    }
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
        const wallet = wallets().find(({ info }) => info.uuid === request.wallet || info.rdns === request.wallet);
        if (!wallet) throw failure(BRIDGE_CODES.unknownWallet, 'That wallet is not in this page');
        return choose(wallet);
      }
      case 'personal_sign':
        return current().request({ method: 'personal_sign', params: [request.message, request.address] });
      default:
        return current().request({ method: request.kind });
    }
  }

  const onRequest = (event: MessageEvent) => {
    const message = parsePageRequest(event.data);
    if (!message) return;
    run(message.request).then(
      (value) => post({ kind: 'result', id: message.id, value }),
      (error: unknown) => post({ kind: 'error', id: message.id, error: toBridgeError(error) }),
    );
  };

  const unsubscribe = store.subscribe(() => post({ kind: 'walletsChanged', value: infos() } as PageReply));

  const onHandshake = (event: MessageEvent) => {
    if (port || event.source !== win || event.origin !== origin) return;
    const data: unknown = event.data;
    if ((data as { type?: unknown } | null)?.type !== HANDSHAKE_TYPE) return;
    const handshake = HandshakeSchema.safeParse(data);
    if (!handshake.success || event.ports.length !== 1) return;
    port = event.ports[0]!;
    win.removeEventListener('message', onHandshake); // one handshake only, ever
    port.onmessage = onRequest;
    post({ kind: 'ready', nonce: handshake.data.nonce });
  };
  win.addEventListener('message', onHandshake);

  return () => {
    win.removeEventListener('message', onHandshake);
    unsubscribe();
    if (chosen) {
      chosen.provider.removeListener?.('accountsChanged', onAccounts);
      chosen.provider.removeListener?.('chainChanged', onChain);
    }
    port?.close();
  };
}

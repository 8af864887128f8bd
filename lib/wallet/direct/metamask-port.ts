/**
 * The direct connection to MetaMask's extension: no tab, no page, no content script.
 *
 * What MetaMask does (read from MetaMask/providers 22.1 and MetaMask/metamask-extension's
 * app/scripts/background.js; no code copied):
 * - `createExternalExtensionProvider(type)` calls `chrome.runtime.connect(id)` with one of
 *   MetaMask's published ids (./metamask-ids.ts), wraps the port in extension-port-stream's
 *   PortDuplexStream, pipes it through an @metamask/object-multiplex ObjectMultiplex and
 *   hands the `metamask-provider` substream to a StreamProvider (EIP-1193 `request`), which
 *   starts with `metamask_getProviderState` ({accounts, chainId, isUnlocked, networkVersion}).
 * - On the wire each port message is `{ name: 'metamask-provider', data: <JSON-RPC 2.0> }`
 *   (extension-port-stream 5 adds chunk frames only for messages over 64 MB). Notifications
 *   come the same way: `metamask_accountsChanged` (params: the accounts), `metamask_chainChanged`,
 *   `metamask_unlockStateChanged`; `METAMASK_STREAM_FAILURE` ends the stream.
 * - MetaMask's side: `runtime.onConnectExternal` waits for its own start-up, then (a port
 *   without a tab, i.e. from an extension) `connectExternalExtension`: a PortStream handed to
 *   `setupUntrustedCommunicationEip1193`, the same JSON-RPC engine a web page gets, with the
 *   sender's extension origin as the permission subject. So eth_requestAccounts opens
 *   MetaMask's own approval window for this extension, and errors are EIP-1193's (4001 user
 *   rejected, 4100 unauthorized, -32002 already pending). Its Chrome manifest declares
 *   `externally_connectable: { ids: ["*"] }`; Firefox lets any extension connect by id
 *   (`webextension@metamask.io`). A missing id gives a port that disconnects at once
 *   ("Receiving end does not exist"): that is how absence shows.
 * - The stream packages are Node-style streams (readable-stream 3: `process.nextTick`,
 *   `Buffer`, `events`). They need no DOM, but an MV3 service worker is a poor home: Chrome
 *   forbids `import()` there, so they could not be a lazy chunk and would all sit in the
 *   worker's start-up bundle (already over its size target, test/bench/sizes.ts); and the port
 *   dies with the worker, taking a pending signature with it.
 *
 * The choice: the connection lives in a document. In Chrome that is the offscreen document
 * (the one Chrome allows per extension, shared with the clipboard clear), which outlives a
 * worker restart, so a signature MetaMask is showing is still answered after one; in Firefox
 * (no offscreen document) it is an extension page the event page frames, which keeps these
 * packages out of the background script (entrypoints/direct-host). This file is the document side:
 * given a way to open a port, it builds MetaMask's own StreamProvider over it. The background
 * reaches it through ./direct-wallet.ts with a plain `request` function, so the worker bundle
 * holds none of the stream packages.
 */
import { createIdRemapMiddleware } from '@metamask/json-rpc-engine';
import ObjectMultiplex from '@metamask/object-multiplex';
import { StreamProvider } from '@metamask/providers';
import { PortDuplexStream } from 'extension-port-stream';

/** MetaMask's name for the EIP-1193 substream of its multiplexed port. */
export const PROVIDER_STREAM = 'metamask-provider';

/** The slice of a runtime.Port the stream needs (a real Port, or a test's in-memory pair). */
export interface MetaMaskPort {
  name: string;
  postMessage(message: unknown): void;
  disconnect(): void;
  onMessage: { addListener(listener: (message: unknown) => void): void; removeListener(listener: (message: unknown) => void): void };
  onDisconnect: { addListener(listener: () => void): void; removeListener(listener: () => void): void };
}

export interface Eip1193 {
  request(args: { method: string; params?: unknown }): Promise<unknown>;
  on(event: string, listener: (...args: unknown[]) => void): unknown;
  removeListener(event: string, listener: (...args: unknown[]) => void): unknown;
}

export interface MetaMaskConnection {
  provider: Eip1193;
  /** Resolves when the port closes (the wallet went away, was disabled, or `close()`). */
  closed: Promise<void>;
  close(): void;
}

interface Pipeable {
  on(event: 'error', listener: () => void): unknown;
  pipe(target: Pipeable): Pipeable;
}

const quietLogger = { debug() {}, info() {}, warn() {}, error() {}, log() {} } as unknown as Console;

/** MetaMask's provider over one port: object-multiplex, its `metamask-provider` substream, StreamProvider. */
export function providerOverPort(port: MetaMaskPort): MetaMaskConnection {
  let markClosed: () => void = () => undefined;
  const closed = new Promise<void>((resolve) => (markClosed = resolve));
  port.onDisconnect.addListener(() => markClosed());
  // The packages' stream types come from readable-stream, which ships none: typed here by what is used.
  const portStream = new PortDuplexStream(port as never) as unknown as Pipeable;
  const multiplex = new ObjectMultiplex();
  const mux = multiplex as unknown as Pipeable;
  // A broken pipe (the wallet went away) ends the provider; nothing is logged: a request may carry the token.
  portStream.on('error', () => markClosed());
  mux.on('error', () => markClosed());
  portStream.pipe(mux).pipe(portStream);
  const provider = new StreamProvider(multiplex.createStream(PROVIDER_STREAM), {
    logger: quietLogger,
    // Gives each request a fresh JSON-RPC id (what createExternalExtensionProvider's default middleware does first).
    rpcMiddleware: [createIdRemapMiddleware()],
  });
  // Asks metamask_getProviderState; until it answers, the provider holds back account events.
  void provider.initialize();
  return {
    provider: provider as unknown as Eip1193,
    closed,
    close() {
      try {
        port.disconnect();
      } catch {
        // already closed
      }
      markClosed();
    },
  };
}

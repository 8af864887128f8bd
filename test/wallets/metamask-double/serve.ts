// The MetaMask test double's protocol: what MetaMask's background does with a port another
// extension opened (runtime.onConnectExternal → PortStream → object-multiplex → the
// `metamask-provider` substream → a JSON-RPC engine), built from MetaMask's own packages
// (extension-port-stream, @metamask/object-multiplex, @metamask/json-rpc-engine,
// @metamask/json-rpc-middleware-stream) and signing with a real viem account.
//
// Modes (the double's `state.mode`, changed by a test at any time):
// - approve: accounts are given once asked; personal_sign signs.
// - reject:  personal_sign fails with 4001 (the person pressed Reject); accounts are given.
// - locked:  eth_accounts is empty and eth_requestAccounts fails with 4100 (the wallet is locked).
// - switch:  by the next request the person has switched to the second account: the double
//            announces metamask_accountsChanged, shows only that one, and refuses to sign for
//            the old address (4100).
// - silent:  eth_requestAccounts and personal_sign are never answered.
// - hold:    personal_sign waits for the person: `double.answerHeld('approve' | 'reject')`
//            answers every request held so far (as MetaMask's window would), `state.held` counts them.
import { JsonRpcEngine, createAsyncMiddleware } from '@metamask/json-rpc-engine';
import { createEngineStream } from '@metamask/json-rpc-middleware-stream';
import ObjectMultiplex from '@metamask/object-multiplex';
import { PortDuplexStream } from 'extension-port-stream';
import { isAddressEqual, type Hex } from 'viem';
import { privateKeyToAccount, type PrivateKeyAccount } from 'viem/accounts';

export type DoubleMode = 'approve' | 'reject' | 'locked' | 'switch' | 'silent' | 'hold';
export const DOUBLE_MODES: readonly DoubleMode[] = ['approve', 'reject', 'locked', 'switch', 'silent', 'hold'];

/** The slice of runtime.Port the double uses (a real Port in the extension, an in-memory one in unit tests). */
export interface DoublePort {
  name: string;
  sender?: { id?: string; url?: string; origin?: string };
  postMessage(message: unknown): void;
  disconnect(): void;
  onMessage: { addListener(listener: (message: unknown) => void): void; removeListener(listener: (message: unknown) => void): void };
  onDisconnect: { addListener(listener: () => void): void; removeListener(listener: () => void): void };
}

export interface DoubleState {
  mode: DoubleMode;
  /** Every method asked, in order, with who asked (the sender's extension id). */
  readonly calls: Array<{ method: string; from: string }>;
  /** How many personal_sign requests arrived. */
  signRequests: number;
  /** The account the person has selected now. */
  readonly address: Hex;
  /** personal_sign requests waiting for the person (mode `hold`). */
  readonly held: number;
}

export interface Double {
  state: DoubleState;
  /** Serves one port until it closes. */
  serve(port: DoublePort): void;
  /** How many ports are open now. */
  readonly openPorts: number;
  /** Answers every held personal_sign as the person would; returns how many were answered. */
  answerHeld(answer: 'approve' | 'reject'): number;
}

const BASE_CHAIN_ID = '0x2105';

class RpcError extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

interface Stream {
  pipe(target: Stream): Stream;
  on(event: string, listener: (...args: unknown[]) => void): unknown;
}

export function createDouble(keys: { first: Hex; second: Hex }): Double {
  const accounts: [PrivateKeyAccount, PrivateKeyAccount] = [privateKeyToAccount(keys.first), privateKeyToAccount(keys.second)];
  let selected = 0;
  let openPorts = 0;
  /** Senders the person approved (eth_requestAccounts answered): MetaMask's permission, per origin. */
  const permitted = new Set<string>();
  const engines = new Set<JsonRpcEngine>();
  let waiting: Array<(answer: 'approve' | 'reject') => void> = [];
  const state: DoubleState = {
    mode: 'approve',
    calls: [],
    signRequests: 0,
    get address() {
      return accounts[selected]!.address;
    },
    get held() {
      return waiting.length;
    },
  };

  const notifyAll = (method: string, params: unknown) => {
    for (const engine of engines) engine.emit('notification', { jsonrpc: '2.0', method, params });
  };

  /** MetaMask sends addresses in lower case. */
  const shown = (): Hex => state.address.toLowerCase() as Hex;
  const visibleAccounts = (from: string): Hex[] => (state.mode !== 'locked' && permitted.has(from) ? [shown()] : []);

  async function answer(method: string, params: unknown, from: string): Promise<unknown> {
    state.calls.push({ method, from });
    if (state.mode === 'switch' && selected === 0 && method !== 'metamask_getProviderState') {
      // The person picked the other account in the wallet since the last request.
      selected = 1;
      notifyAll('metamask_accountsChanged', [shown()]);
    }
    switch (method) {
      case 'metamask_getProviderState':
        return { isUnlocked: state.mode !== 'locked', chainId: BASE_CHAIN_ID, networkVersion: '8453', accounts: visibleAccounts(from) };
      case 'eth_chainId':
        return BASE_CHAIN_ID;
      case 'net_version':
        return '8453';
      case 'eth_accounts':
        return visibleAccounts(from);
      case 'eth_requestAccounts':
        if (state.mode === 'silent') return new Promise(() => undefined);
        if (state.mode === 'locked') throw new RpcError(4100, 'The wallet is locked.');
        permitted.add(from);
        return [shown()];
      case 'personal_sign': {
        state.signRequests += 1;
        if (state.mode === 'silent') return new Promise(() => undefined);
        if (state.mode === 'hold') {
          const answered = await new Promise<'approve' | 'reject'>((resolve) => waiting.push(resolve));
          if (answered === 'reject') throw new RpcError(4001, 'MetaMask Personal Message Signature: User denied message signature.');
        }
        if (state.mode === 'locked') throw new RpcError(4100, 'The wallet is locked.');
        if (state.mode === 'reject') throw new RpcError(4001, 'MetaMask Personal Message Signature: User denied message signature.');
        const [data, address] = Array.isArray(params) ? (params as [Hex, Hex]) : [];
        if (!permitted.has(from) || !address || !isAddressEqual(address, state.address)) {
          throw new RpcError(4100, 'The requested account and/or method has not been authorized by the user.');
        }
        return accounts[selected]!.signMessage({ message: { raw: data! } });
      }
      default:
        throw new RpcError(4200, `The method ${method} is not supported.`);
    }
  }

  function serve(port: DoublePort): void {
    const from = port.sender?.id ?? port.sender?.origin ?? 'unknown';
    const engine = new JsonRpcEngine();
    engine.push(
      createAsyncMiddleware(async (req, res) => {
        try {
          res.result = (await answer(req.method, req.params, from)) as never;
        } catch (error) {
          const { code, message } = error instanceof RpcError ? error : new RpcError(-32603, 'Internal error');
          res.error = { code, message } as never;
        }
      }),
    );
    engines.add(engine);
    openPorts += 1;
    const portStream = new PortDuplexStream(port as never) as unknown as Stream;
    const multiplex = new ObjectMultiplex();
    const mux = multiplex as unknown as Stream;
    const providerStream = multiplex.createStream('metamask-provider') as unknown as Stream;
    const engineStream = createEngineStream({ engine }) as unknown as Stream;
    const end = () => {
      if (!engines.delete(engine)) return;
      openPorts -= 1;
    };
    port.onDisconnect.addListener(end);
    for (const stream of [portStream, mux, providerStream, engineStream]) stream.on('error', end);
    portStream.pipe(mux).pipe(portStream);
    providerStream.pipe(engineStream).pipe(providerStream);
  }

  return {
    state,
    serve,
    get openPorts() {
      return openPorts;
    },
    answerHeld(answer) {
      const now = waiting;
      waiting = [];
      for (const resolve of now) resolve(answer);
      return now.length;
    },
  };
}

// Test doubles for the signing-tab bridge: a window whose postMessage transfers real
// MessagePorts (happy-dom does not), an EIP-1193 wallet backed by a viem local account,
// and a wallet store shaped like mipd's.
import type { Hex } from 'viem';
import { privateKeyToAccount, type PrivateKeyAccount } from 'viem/accounts';
import type { PageProvider, PageWallet, WalletStore } from '../../../lib/wallet/page-bridge';

// anvil's public development keys ("test test ... junk"): never used on a real network.
export const KEY_A: Hex = '0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d';
export const KEY_B: Hex = '0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a';

interface FakeEvent {
  data: unknown;
  origin: string;
  source: unknown;
  ports: MessagePort[];
}
type Listener = (event: FakeEvent) => void;

/** A page window: postMessage delivers (asynchronously) to its listeners with itself as source. */
export class FakeWindow {
  readonly location: { origin: string };
  ethereum?: PageProvider;
  private readonly listeners = new Set<Listener>();
  readonly opened: MessagePort[] = [];

  constructor(origin = 'http://127.0.0.1:4321') {
    this.location = { origin };
  }

  addEventListener(_type: 'message', listener: Listener): void {
    this.listeners.add(listener);
  }

  removeEventListener(_type: 'message', listener: Listener): void {
    this.listeners.delete(listener);
  }

  postMessage(data: unknown, targetOrigin: string, transfer: MessagePort[] = []): void {
    if (targetOrigin !== '*' && targetOrigin !== this.location.origin) throw new Error('target origin mismatch');
    this.deliver({ data: structuredClone(data), origin: this.location.origin, source: this, ports: transfer });
  }

  /** Delivers a message event as if it came from `source` (another frame, another origin…). */
  deliver(event: FakeEvent): void {
    this.opened.push(...event.ports);
    setTimeout(() => {
      for (const listener of [...this.listeners]) listener(event);
    }, 0);
  }

  get listenerCount(): number {
    return this.listeners.size;
  }

  asWindow(): Window {
    return this as unknown as Window;
  }
}

export interface FakeWallet extends PageWallet {
  account: PrivateKeyAccount;
  calls: { method: string; params?: unknown[] }[];
  /** The next requests fail with this EIP-1193 error. */
  failWith?: { code: number; message: string };
  /** What eth_accounts / eth_requestAccounts answer (default: the account). */
  accounts?: string[];
  /** While true, personal_sign never answers (a wallet popup the user leaves open). */
  hold?: boolean;
  /** personal_sign signs with this account instead (a wallet that signs with the wrong key). */
  signer?: PrivateKeyAccount;
  /** A personal_sign is held (see `hold`): another one is refused with -32002, as real wallets do. */
  signPending?: boolean;
  emit(event: string, value: unknown): void;
  /** The page that asked went away: the wallet drops the request it held for it. */
  pageClosed(): void;
}

export function fakeWallet(key: Hex = KEY_A, info: Partial<PageWallet['info']> = {}): FakeWallet {
  const account = privateKeyToAccount(key);
  const handlers = new Map<string, Set<(value: unknown) => void>>();
  const wallet: FakeWallet = {
    account,
    calls: [],
    info: {
      uuid: info.uuid ?? crypto.randomUUID(),
      // Named after its rdns: two wallets of one name are look-alikes (lib/wallet/choose-wallet.ts).
      name: info.name ?? (info.rdns ? `Fake ${info.rdns}` : 'Fake Wallet'),
      rdns: info.rdns ?? 'test.fake.wallet',
      icon: info.icon ?? 'data:image/svg+xml,%3Csvg xmlns="http://www.w3.org/2000/svg"/%3E',
    },
    provider: {
      async request({ method, params }) {
        wallet.calls.push({ method, params });
        if (method === 'personal_sign' && wallet.signPending) throw { code: -32002, message: 'A personal_sign request is already pending' };
        if (wallet.hold && method === 'personal_sign') {
          wallet.signPending = true;
          return new Promise(() => undefined);
        }
        if (wallet.failWith) throw { ...wallet.failWith };
        switch (method) {
          case 'eth_requestAccounts':
          case 'eth_accounts':
            return wallet.accounts ?? [account.address];
          case 'eth_chainId':
            return '0x2105';
          case 'personal_sign':
            return (wallet.signer ?? account).signMessage({ message: { raw: (params as [Hex])[0] } });
          default:
            throw { code: 4200, message: `unsupported ${method}` };
        }
      },
      on(event, handler) {
        if (!handlers.has(event)) handlers.set(event, new Set());
        handlers.get(event)!.add(handler);
      },
      removeListener(event, handler) {
        handlers.get(event)?.delete(handler);
      },
    },
    emit(event, value) {
      for (const handler of handlers.get(event) ?? []) handler(value);
    },
    pageClosed() {
      wallet.signPending = false;
    },
  };
  return wallet;
}

/** A mipd-like store with `announce` to add a wallet later. */
export function fakeStore(initial: PageWallet[] = []): WalletStore & { announce(wallet: PageWallet): void } {
  let wallets = [...initial];
  const listeners = new Set<() => void>();
  return {
    getProviders: () => wallets,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    announce(wallet) {
      wallets = [...wallets, wallet];
      for (const listener of listeners) listener();
    },
  };
}

/** Resolves after pending timers and port messages have run. */
export const settle = (ms = 20) => new Promise((resolve) => setTimeout(resolve, ms));

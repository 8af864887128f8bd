// A scriptable EIP-6963 wallet for the mint e2e tests, installed into every page of the browser
// context (so into the signing tab the extension opens). Unlike a plain mock, it can decline with
// EIP-1193 code 4001, never answer, or switch accounts, and it counts what it was asked.
import type { BrowserContext, Page } from 'playwright-core';
import type { Hex } from 'viem';
import { privateKeyToAccount, type PrivateKeyAccount } from 'viem/accounts';

export type SignMode = 'approve' | 'decline' | 'hang';

type Reply = { ok: true; value: unknown } | { ok: false; code: number; message: string };

export interface TestWallet {
  /** What personal_sign does next (default approve). */
  signMode: SignMode;
  /** How many personal_sign requests reached the wallet. */
  readonly signRequests: number;
  /** The origin of the page each personal_sign came from. */
  readonly signOrigins: string[];
  /** Each personal_sign request: the message (the token, hex) and the signature given, if any. */
  readonly signLog: { message: Hex; signature?: Hex }[];
  /** How long personal_sign waits before it answers (a wallet the person is slow to answer). */
  delayMs: number;
  readonly address: Hex;
  /** Makes the wallet report another account, as when the person switches in the wallet. */
  switchTo(privateKey: Hex, signingPage: Page): Promise<void>;
}

export async function installTestWallet(context: BrowserContext, privateKey: Hex, name = 'E2E Wallet'): Promise<TestWallet> {
  let account: PrivateKeyAccount = privateKeyToAccount(privateKey);
  let signRequests = 0;
  const signOrigins: string[] = [];
  const signLog: { message: Hex; signature?: Hex }[] = [];
  const state = {
    signMode: 'approve' as SignMode,
    delayMs: 0,
    signLog,
    get signRequests() {
      return signRequests;
    },
    signOrigins,
    get address() {
      return account.address;
    },
    async switchTo(next: Hex, signingPage: Page) {
      account = privateKeyToAccount(next);
      await signingPage.evaluate((address) => (window as unknown as { __e2eEmit(e: string, v: unknown): void }).__e2eEmit('accountsChanged', [address]), account.address);
    },
  };

  await context.exposeBinding('__e2eWallet', async (source, method: string, params: unknown[] = []): Promise<Reply> => {
    switch (method) {
      case 'eth_requestAccounts':
      case 'eth_accounts':
        return { ok: true, value: [account.address] };
      case 'eth_chainId':
        return { ok: true, value: '0x2105' };
      case 'personal_sign': {
        signRequests += 1;
        signOrigins.push(new URL(source.frame.url()).origin);
        const [raw] = params as [Hex, Hex];
        const entry: { message: Hex; signature?: Hex } = { message: raw };
        signLog.push(entry);
        if (state.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, state.delayMs));
        if (state.signMode === 'decline') return { ok: false, code: 4001, message: 'User rejected the request.' };
        if (state.signMode === 'hang') return new Promise<Reply>(() => undefined);
        entry.signature = await account.signMessage({ message: { raw } });
        return { ok: true, value: entry.signature };
      }
      default:
        return { ok: false, code: 4200, message: `Unsupported method ${method}` };
    }
  });

  await context.addInitScript((walletName: string) => {
    type Listener = (value: unknown) => void;
    const listeners = new Map<string, Set<Listener>>();
    const bridge = (window as unknown as { __e2eWallet(m: string, p?: unknown[]): Promise<{ ok: boolean; value?: unknown; code?: number; message?: string }> }).__e2eWallet;
    const provider = {
      async request({ method, params }: { method: string; params?: unknown[] }) {
        const reply = await bridge(method, params);
        if (reply.ok) return reply.value;
        throw Object.assign(new Error(reply.message), { code: reply.code });
      },
      on(event: string, listener: Listener) {
        if (!listeners.has(event)) listeners.set(event, new Set());
        listeners.get(event)!.add(listener);
      },
      removeListener(event: string, listener: Listener) {
        listeners.get(event)?.delete(listener);
      },
    };
    (window as unknown as { __e2eEmit(e: string, v: unknown): void }).__e2eEmit = (event, value) =>
      listeners.get(event)?.forEach((listener) => listener(value));
    const info = {
      uuid: '9b1c2f5e-0000-4000-8000-00000000e2e0',
      name: walletName,
      rdns: 'test.e2e.wallet',
      icon: "data:image/svg+xml,<svg xmlns='http://www.w3.org/2000/svg' width='8' height='8'/>",
    };
    const announce = () =>
      window.dispatchEvent(new CustomEvent('eip6963:announceProvider', { detail: Object.freeze({ info, provider }) }));
    window.addEventListener('eip6963:requestProvider', announce);
    announce();
  }, name);

  return state;
}

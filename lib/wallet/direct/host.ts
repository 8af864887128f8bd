/**
 * The document side of the direct path (Chrome's offscreen document, Firefox's framed page):
 * finds MetaMask among its ids, holds ONE connection to it (./metamask-port.ts), and passes
 * on only the four methods the mint uses. The background reaches it through ./link.ts.
 *
 *   const host = createDirectHost({ ids, connect: (id) => browser.runtime.connect(id) });
 *   await host.find();                                    // { id, name } of the wallet, or undefined
 *   await host.request('eth_requestAccounts');            // { ok: true, value } | { ok: false, code, message } | { ok: false, absent: true }
 *   host.onAccountsChanged((accounts) => ...);
 *
 * Finding: each id is tried in order; a port to an id that is not installed closes at once,
 * one whose wallet does not answer `eth_chainId` within `probeMs` is given up. The first that
 * answers is kept until its port closes (MetaMask disabled, updated or removed), after which
 * the next request finds again. Errors keep MetaMask's EIP-1193 code and message; no request
 * parameter (the token) is ever put in one.
 *
 * An orphaned signature: the host outlives the background's port (a worker restart), and MetaMask
 * keeps showing a signature request whose asker went away. `adopt` keeps that one request (the
 * latest) with its answer to come; `resume(address)` hands it, once, to the restarted background,
 * which mints with it instead of asking MetaMask a second time. A new personal_sign drops it (its
 * answer then goes nowhere), and it is dropped after `orphanMs` (the token in it expires).
 */
import type { DirectWalletId } from './metamask-ids';
import { providerOverPort, type MetaMaskConnection, type MetaMaskPort } from './metamask-port';
import { isDirectMethod, type DirectReply } from './protocol';


export interface DirectHostOptions {
  ids: readonly DirectWalletId[];
  /** Opens a port to another extension (browser.runtime.connect(id)); may throw for a malformed id. */
  connect(id: string): MetaMaskPort;
  /** How long a wallet has to answer its first request (default 10 s: MetaMask may be starting up). */
  probeMs?: number;
  /** How long an orphaned signature request is kept for a restarted background (default 10 min). */
  orphanMs?: number;
}

/** A signature request whose asker went away, with MetaMask's answer to come (or given). */
export interface Orphan {
  /** personal_sign's message, as sent: the hex of the token. */
  message: string;
  reply: DirectReply;
}

export interface DirectHost {
  find(): Promise<DirectWalletId | undefined>;
  request(method: string, params?: unknown): Promise<DirectReply>;
  onAccountsChanged(listener: (accounts: string[]) => void): () => void;
  /** Keeps a personal_sign whose asker's port closed while MetaMask still held it. */
  adopt(params: unknown, reply: Promise<DirectReply>): void;
  /** The kept request for `address`, once, when MetaMask has answered it; undefined when there is none. */
  resume(address: string): Promise<Orphan | undefined>;
  close(): void;
}

interface Held {
  wallet: DirectWalletId;
  connection: MetaMaskConnection;
}

const errorOf = (error: unknown): { code: number; message: string } => {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  return {
    code: typeof code === 'number' && Number.isInteger(code) ? code : -32603,
    message: typeof message === 'string' ? message.slice(0, 300) : 'The wallet failed.',
  };
};

export function createDirectHost(options: DirectHostOptions): DirectHost {
  const probeMs = options.probeMs ?? 10_000;
  const orphanMs = options.orphanMs ?? 10 * 60_000;
  let orphan: { message: string; address: string; reply: Promise<DirectReply>; timer: ReturnType<typeof setTimeout> } | undefined;
  const dropOrphan = () => {
    if (orphan) clearTimeout(orphan.timer);
    orphan = undefined;
  };
  const listeners = new Set<(accounts: string[]) => void>();
  let held: Promise<Held | undefined> | undefined;

  async function probe(wallet: DirectWalletId): Promise<Held | undefined> {
    let connection: MetaMaskConnection;
    try {
      connection = providerOverPort(options.connect(wallet.id));
    } catch {
      return undefined;
    }
    let timer: ReturnType<typeof setTimeout> | undefined;
    const answered = await Promise.race([
      connection.provider.request({ method: 'eth_chainId' }).then(
        () => true,
        () => false,
      ),
      connection.closed.then(() => false),
      new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), probeMs))),
    ]);
    clearTimeout(timer);
    if (!answered) {
      connection.close();
      return undefined;
    }
    return { wallet, connection };
  }

  async function open(): Promise<Held | undefined> {
    for (const wallet of options.ids) {
      const found = await probe(wallet);
      if (!found) continue;
      const onAccounts = (accounts: unknown) => {
        const list = Array.isArray(accounts) ? accounts.filter((a): a is string => typeof a === 'string') : [];
        for (const listener of listeners) listener(list);
      };
      found.connection.provider.on('accountsChanged', onAccounts);
      void found.connection.closed.then(() => {
        found.connection.provider.removeListener('accountsChanged', onAccounts);
        if (current === found) {
          current = undefined;
          held = undefined;
        }
      });
      current = found;
      return found;
    }
    return undefined;
  }

  let current: Held | undefined;
  const ensure = (): Promise<Held | undefined> => {
    if (current) return Promise.resolve(current);
    held ??= open().then((found) => {
      if (!found) held = undefined;
      return found;
    });
    return held;
  };

  return {
    find: async () => (await ensure())?.wallet,
    async request(method, params) {
      if (!isDirectMethod(method)) return { ok: false, code: 4200, message: `The direct wallet does not carry ${String(method).slice(0, 60)}.` };
      // A new signature request: the person asked again, an orphaned one is no longer wanted.
      if (method === 'personal_sign') dropOrphan();
      const found = await ensure();
      if (!found) return { ok: false, absent: true };
      const asked = found.connection.provider.request(params === undefined ? { method } : { method, params });
      // A port that closes mid-request (MetaMask disabled or restarted) leaves the provider's promise pending.
      const lost = found.connection.closed.then((): DirectReply => ({ ok: false, code: 4900, message: 'The wallet disconnected.' }));
      return Promise.race([
        asked.then(
          (value): DirectReply => ({ ok: true, value }),
          (error: unknown): DirectReply => ({ ok: false, ...errorOf(error) }),
        ),
        lost,
      ]);
    },
    onAccountsChanged(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    adopt(params, reply) {
      const [message, address] = Array.isArray(params) ? (params as unknown[]) : [];
      if (typeof message !== 'string' || typeof address !== 'string') return;
      dropOrphan();
      const kept = { message, address: address.toLowerCase(), reply, timer: setTimeout(() => orphan === kept && dropOrphan(), orphanMs) };
      orphan = kept;
    },
    async resume(address) {
      const kept = orphan;
      if (!kept || kept.address !== address.toLowerCase()) return undefined;
      const reply = await kept.reply;
      // Taken once: another asker, or a second resume, gets nothing.
      if (orphan !== kept) return undefined;
      dropOrphan();
      return { message: kept.message, reply };
    },
    close() {
      dropOrphan();
      current?.connection.close();
      current = undefined;
      held = undefined;
      listeners.clear();
    },
  };
}

/**
 * How the background reaches the direct host (./host.ts) when it lives in another document
 * (Chrome's offscreen document): a private runtime port named DIRECT_PORT (./protocol.ts), opened by the
 * background and accepted only by the host's document. A port, not runtime.sendMessage: a
 * broadcast would hand the token (personal_sign's parameter) to every extension page open.
 *
 *   background:  const link = directLinkOverPort(() => browser.runtime.connect({ name: DIRECT_PORT }));
 *   document:    browser.runtime.onConnect.addListener((port) => port.name === DIRECT_PORT && serveDirectHost(port, host));
 *
 * Messages: {id, find: true} → {id, found}; {id, method, params} → {id, reply};
 * {id, resume: address} → {id, resumed: {message, reply} | null}; the host also sends {accounts}
 * when MetaMask announces an account change. A port that closes fails what is pending with
 * EIP-1193 4900 (disconnected); the next request opens a new one. On the document's side, a
 * personal_sign still pending when its port closes (the worker stopped) is handed to the host
 * to keep (host.adopt), for the restarted background to resume.
 */
import type { DirectHost, Orphan } from './host';
import type { DirectWalletId } from './metamask-ids';
import { isDirectMethod, type DirectMethod, type DirectReply } from './protocol';

export interface LinkPort {
  name: string;
  postMessage(message: unknown): void;
  disconnect(): void;
  onMessage: { addListener(listener: (message: unknown) => void): void };
  onDisconnect: { addListener(listener: () => void): void };
}

/** What the background's direct wallet needs of the host, wherever it lives. */
export type DirectLink = Pick<DirectHost, 'find' | 'request' | 'onAccountsChanged' | 'resume'>;

const record = (value: unknown): Record<string, unknown> | undefined =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;

const isWalletId = (value: unknown): value is DirectWalletId => {
  const v = record(value);
  return typeof v?.id === 'string' && typeof v.name === 'string';
};

const isReply = (value: unknown): value is DirectReply => {
  const v = record(value);
  if (v?.ok === true) return 'value' in v;
  return v?.ok === false && (v.absent === true || (typeof v.code === 'number' && typeof v.message === 'string'));
};

const isOrphan = (value: unknown): value is Orphan => {
  const v = record(value);
  return typeof v?.message === 'string' && isReply(v.reply);
};

/** The document side: answers the background's requests on `port` with `host`. */
export function serveDirectHost(port: LinkPort, host: DirectHost): void {
  let open = true;
  /** This port's signature requests MetaMask has not answered yet. */
  const signing = new Map<number, { params: unknown; reply: Promise<DirectReply> }>();
  const stop = host.onAccountsChanged((accounts) => open && port.postMessage({ accounts }));
  port.onDisconnect.addListener(() => {
    open = false;
    stop();
    for (const { params, reply } of signing.values()) host.adopt(params, reply);
    signing.clear();
  });
  port.onMessage.addListener((message) => {
    const m = record(message);
    if (!m || typeof m.id !== 'number') return;
    const id = m.id;
    const answer = (body: Record<string, unknown>) => open && port.postMessage({ id, ...body });
    if (m.find === true) void host.find().then((found) => answer({ found: found ?? null }));
    else if (typeof m.resume === 'string') void host.resume(m.resume).then((resumed) => answer({ resumed: resumed ?? null }));
    else if (isDirectMethod(m.method)) {
      const reply = host.request(m.method, m.params);
      if (m.method === 'personal_sign') {
        signing.set(id, { params: m.params, reply });
        void reply.then(() => signing.delete(id));
      }
      void reply.then((settled) => answer({ reply: settled }));
    }
    else answer({ reply: { ok: false, code: 4200, message: 'Not a direct wallet method.' } satisfies DirectReply });
  });
}

/** The background side: a DirectLink over a port opened on first use and again after it closes. */
export function directLinkOverPort(openPort: () => Promise<LinkPort> | LinkPort): DirectLink {
  const pending = new Map<number, (body: Record<string, unknown> | undefined) => void>();
  const listeners = new Set<(accounts: string[]) => void>();
  let nextId = 1;
  let port: Promise<LinkPort> | undefined;

  const connect = (): Promise<LinkPort> =>
    (port ??= Promise.resolve(openPort()).then((opened) => {
      opened.onMessage.addListener((message) => {
        const m = record(message);
        if (!m) return;
        if (Array.isArray(m.accounts)) {
          const accounts = m.accounts.filter((a): a is string => typeof a === 'string');
          for (const listener of listeners) listener(accounts);
          return;
        }
        if (typeof m.id !== 'number') return;
        const settle = pending.get(m.id);
        pending.delete(m.id);
        settle?.(m);
      });
      opened.onDisconnect.addListener(() => {
        port = undefined;
        for (const settle of pending.values()) settle(undefined);
        pending.clear();
      });
      return opened;
    }));

  const ask = async (body: Record<string, unknown>): Promise<Record<string, unknown> | undefined> => {
    const opened = await connect();
    const id = nextId++;
    return new Promise((resolve) => {
      pending.set(id, resolve);
      try {
        opened.postMessage({ id, ...body });
      } catch {
        pending.delete(id);
        port = undefined;
        resolve(undefined);
      }
    });
  };

  return {
    async find() {
      const answer = await ask({ find: true });
      return isWalletId(answer?.found) ? answer.found : undefined;
    },
    async request(method: DirectMethod, params?: unknown): Promise<DirectReply> {
      const answer = await ask(params === undefined ? { method } : { method, params });
      if (!answer) return { ok: false, code: 4900, message: 'disconnected' };
      return isReply(answer.reply) ? answer.reply : { ok: false, code: -32603, message: 'malformed' };
    },
    async resume(address: string): Promise<Orphan | undefined> {
      const answer = await ask({ resume: address });
      return isOrphan(answer?.resumed) ? answer.resumed : undefined;
    },
    onAccountsChanged(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

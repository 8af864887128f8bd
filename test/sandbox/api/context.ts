import type { IncomingHttpHeaders } from 'node:http';
import type { SandboxWallets } from '../chain/setup';
import type { ChainReader } from './chainReader';
import type { SandboxClock } from './clock';
import type { Faults } from './faults';
import type { Issued } from './issued';
import type { Limits } from './limits';
import type { Reply } from './reply';
import type { RequestLog } from './requestLog';
import type { Store } from './store';

/** Everything the handlers share. */
export interface Deps {
  store: Store;
  clock: SandboxClock;
  faults: Faults;
  requests: RequestLog;
  /** Secrets handed out and raw request targets, in process only (chaos leak checks). */
  issued: Issued;
  limits: Limits;
  chain: ChainReader;
  wallets: SandboxWallets;
  /** http://127.0.0.1:PORT, known once the server listens. */
  origin: () => string;
  rpcUrl: string;
  quiet: boolean;
}

export interface Ctx {
  deps: Deps;
  method: string;
  path: string;
  url: URL;
  headers: IncomingHttpHeaders;
  /** Parsed JSON body (undefined when empty). */
  body: unknown;
  /** false when a body was sent that is not JSON. */
  bodyIsJson: boolean;
  params: Record<string, string>;
  /** Set by auth once the caller is known: feeds the rate-limit log. */
  keyId?: string;
  accountId?: string;
  /** The TCP connection this request came on, and the how-manieth request on it. */
  connection?: { id: number; request: number };
}

export type Handler = (ctx: Ctx) => Reply | Promise<Reply>;

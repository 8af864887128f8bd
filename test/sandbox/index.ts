// The local stand-in for Venice's API and for Base: startSandbox() runs a real anvil with the VVV
// and sVVV contracts at their Base addresses, funds the sandbox wallets, and serves the API.
import { startAnvil } from './chain/anvil';
import { type SandboxWallets, setupChain } from './chain/setup';
import { createChainReader } from './api/chainReader';
import { type SandboxClock, createClock } from './api/clock';
import type { Deps } from './api/context';
import { Faults } from './api/faults';
import { Issued } from './api/issued';
import { Limits } from './api/limits';
import { RequestLog } from './api/requestLog';
import { startApiServer } from './api/server';
import { createSiwxVerifier } from './api/siwx';
import { Store } from './api/store';

export type { SandboxWallet, SandboxWallets } from './chain/setup';
export type { SandboxClock } from './api/clock';
export type { FaultSpec, Fault } from './api/faults';
export type { LoggedRequest } from './api/requestLog';
export { Faults } from './api/faults';
export { RequestLog } from './api/requestLog';
export { Store } from './api/store';
export { STAKING_ADDRESS, VVV_ADDRESS, BASE_CHAIN_ID } from './chain/contracts';

export interface SandboxOptions {
  /** API port on 127.0.0.1 (default: a free port). */
  port?: number;
  /** Persist the API state to this JSON file (default: in memory). */
  stateFile?: string;
  /** No request lines or diagnostics on stderr. */
  quiet?: boolean;
}

export interface Sandbox {
  /** http://127.0.0.1:PORT/api/v1 */
  apiUrl: string;
  /** http://127.0.0.1:PORT, the signing origin */
  origin: string;
  /** anvil's JSON-RPC URL (chain id 8453) */
  rpcUrl: string;
  /** pid of the anvil process */
  anvilPid: number;
  wallets: SandboxWallets;
  clock: SandboxClock;
  faults: Faults;
  requests: RequestLog;
  /** Key secrets and tokens handed out, raw request targets: in process only, for leak checks. */
  issued: Issued;
  state: Store;
  stop(): Promise<void>;
}

export async function startSandbox(opts: SandboxOptions = {}): Promise<Sandbox> {
  const store = new Store(opts.stateFile); // first: a bad state file fails before anything runs
  const anvil = await startAnvil();
  try {
    const wallets: SandboxWallets = await setupChain(anvil.rpcUrl);
    const clock = createClock();
    const faults = new Faults();
    let origin = '';
    const deps: Deps = {
      store,
      clock,
      faults,
      requests: new RequestLog(),
      issued: new Issued(),
      limits: new Limits(clock),
      chain: createChainReader(anvil.rpcUrl, faults),
      wallets,
      origin: () => origin,
      rpcUrl: anvil.rpcUrl,
      quiet: opts.quiet ?? false,
    };
    const siwx = createSiwxVerifier(anvil.rpcUrl, () => [new URL(origin).host, 'api.venice.ai']);
    const server = await startApiServer(deps, siwx, opts.port ?? 0);
    origin = `http://127.0.0.1:${server.port}`;
    let stopped: Promise<void> | undefined;
    return {
      apiUrl: `${origin}/api/v1`,
      origin,
      rpcUrl: anvil.rpcUrl,
      anvilPid: anvil.pid,
      wallets,
      clock,
      faults,
      requests: deps.requests,
      issued: deps.issued,
      state: deps.store,
      stop() {
        stopped ??= (async () => {
          await server.close();
          siwx.close();
          await anvil.stop();
        })();
        return stopped;
      },
    };
  } catch (error) {
    await anvil.stop();
    throw error;
  }
}

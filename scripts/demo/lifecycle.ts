// Stopping cleanly: on Ctrl-C, SIGTERM, SIGHUP, when npm or its shell above us exits, on an error
// or at the end, everything started is stopped in reverse order (the browser, then the sandbox and
// its anvil) before the process exits. No chromium or anvil is left behind.
import { watchAncestors } from '../../test/sandbox/ancestors';

type Stopper = { name: string; stop: () => Promise<void> };

const stoppers: Stopper[] = [];
let exiting: Promise<never> | undefined;

/** Registers something to stop at exit; the last one registered stops first. */
export function onShutdown(name: string, stop: () => Promise<void>): void {
  stoppers.push({ name, stop });
}

/** Stops everything (once; later calls wait for the first) and exits with `code`. */
export function shutdown(code: number, reason?: string): Promise<never> {
  exiting ??= (async () => {
    if (reason) console.error(`demo: ${reason}, stopping`);
    for (const { name, stop } of stoppers.reverse()) {
      const timeout = new Promise<void>((resolve) => setTimeout(resolve, 10_000).unref());
      await Promise.race([stop().catch((e: unknown) => console.error(`demo: stopping the ${name} failed: ${String(e)}`)), timeout]);
    }
    process.exit(code);
  })();
  return exiting;
}

/** True once the demo is stopping (an error then is only the browser going away). */
export const stopping = (): boolean => exiting !== undefined;

/** Signals and a vanished parent (npm's `sh -c` dies on SIGTERM without passing it on) end the demo. */
export function installSignalHandlers(): void {
  const codes = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 } as const;
  for (const signal of Object.keys(codes) as (keyof typeof codes)[]) {
    process.on(signal, () => void shutdown(codes[signal], `${signal} received`));
  }
  watchAncestors(() => void shutdown(143, 'the process that started the demo exited'));
}

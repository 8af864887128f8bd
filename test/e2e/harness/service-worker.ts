// Start / stop the extension's service worker through the DevTools protocol
// (ServiceWorker.stopWorker / startWorker on a page session). Playwright keeps
// one Worker handle per extension across restarts: while the worker is stopped
// an evaluate() on it hangs, after a restart it runs in the fresh worker. So
// callers make sure the worker runs before evaluating (see startWorker).
import type { BrowserContext, CDPSession } from 'playwright-core';

type RunningStatus = 'stopped' | 'starting' | 'running' | 'stopping';
interface Version { versionId: string; scriptURL: string; runningStatus: RunningStatus }

interface Tracker {
  session: CDPSession;
  current(): Version | undefined;
  until(status: RunningStatus | 'known', timeoutMs?: number): Promise<void>;
}

/** Runs `fn` with a CDP session watching this extension's worker, on any open page. */
async function withTracker<T>(context: BrowserContext, extensionId: string, fn: (t: Tracker) => Promise<T>): Promise<T> {
  const origin = `chrome-extension://${extensionId}/`;
  const existing = context.pages()[0];
  const page = existing ?? (await context.newPage());
  const session = await context.newCDPSession(page);
  let current: Version | undefined;
  let wake: (() => void) | undefined;
  session.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
    for (const v of versions) if (v.scriptURL.startsWith(origin)) current = v as Version;
    wake?.();
  });
  const until = async (status: RunningStatus | 'known', timeoutMs = 15_000): Promise<void> => {
    const deadline = Date.now() + timeoutMs;
    const reached = () => (status === 'known' ? current !== undefined : current?.runningStatus === status);
    while (!reached()) {
      if (Date.now() > deadline) {
        throw new Error(`extension service worker did not reach "${status}" (it is ${current?.runningStatus ?? 'unknown'})`);
      }
      await new Promise<void>((resolve) => {
        wake = resolve;
        setTimeout(resolve, 200);
      });
    }
  };
  try {
    await session.send('ServiceWorker.enable');
    // enable() replays every known version as events; wait for ours briefly.
    await until('known', 3_000).catch(() => undefined);
    return await fn({ session, current: () => current, until });
  } finally {
    await session.detach().catch(() => undefined);
    if (!existing) await page.close().catch(() => undefined);
  }
}

/** Stops the extension's worker (as Chrome does when it is idle) and waits until it is stopped. */
export async function stopWorker(context: BrowserContext, extensionId: string): Promise<void> {
  await withTracker(context, extensionId, async ({ session, current, until }) => {
    const v = current();
    if (!v) throw new Error('no service worker registered for the extension');
    if (v.runningStatus === 'stopped') return;
    await session.send('ServiceWorker.stopWorker', { versionId: v.versionId });
    await until('stopped');
  });
}

/** Starts the extension's worker unless it runs, and waits until it runs. */
export async function startWorker(context: BrowserContext, extensionId: string): Promise<void> {
  await withTracker(context, extensionId, async ({ session, current, until }) => {
    if (current()?.runningStatus === 'running') return;
    await session.send('ServiceWorker.startWorker', { scopeURL: `chrome-extension://${extensionId}/` });
    await until('running');
  });
}

/** The worker's running status as the browser reports it, or 'not registered'. */
export async function workerStatus(context: BrowserContext, extensionId: string): Promise<string> {
  return withTracker(context, extensionId, async ({ current }) => current()?.runningStatus ?? 'not registered');
}

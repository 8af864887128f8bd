// Debian's Chromium with the sandbox build loaded unpacked, driven by Playwright (as the e2e harness
// does, see test/e2e/harness/README.md), on a fresh profile under .sandbox/demo-profile.
import { readlinkSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { chromiumArgs, unpackedExtensionId } from '../../test/e2e/harness/chromium';
import { startWorker } from '../../test/e2e/harness/service-worker';
import { copyBuild } from './extension-copy';
import { BUILD_DIR, CHROMIUM_PATH, EXTENSION_DIR, PROFILE_DIR } from './paths';
import type { BadgeView } from './report';

export interface DemoBrowser {
  context: BrowserContext;
  extensionId: string;
  url(pathname: string): string;
  /** Sends one protocol message from an extension page, as the popup and the options page do. */
  send(name: string, input: unknown, page?: Page): Promise<{ ok: boolean; output?: unknown; error?: { message: string } }>;
  readBadge(): Promise<BadgeView>;
  close(): Promise<void>;
}

type Chrome = {
  chrome: {
    runtime: { sendMessage(message: unknown): Promise<unknown> };
    action: { getBadgeText(d: object): Promise<string>; getBadgeBackgroundColor(d: object): Promise<number[]>; getTitle(d: object): Promise<string> };
  };
};

const ANSWER_MS = 20_000;

function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(message)), ms)));
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Waits for the extension's service worker; if Chromium has not started it within 10 s, starts it (as the e2e harness does). */
async function serviceWorkerUp(context: BrowserContext, extensionId: string): Promise<void> {
  const ours = (w: Worker) => w.url().startsWith(`chrome-extension://${extensionId}/`);
  if (context.serviceWorkers().some(ours)) return;
  try {
    await context.waitForEvent('serviceworker', { predicate: ours, timeout: 10_000 });
  } catch {
    await withTimeout(startWorker(context, extensionId), 30_000, `the extension ${extensionId} did not start its service worker`);
  }
}

/** The pid of a live Chromium that holds the demo profile (another demo still running), if any. */
export function profileHolder(): number | undefined {
  try {
    // Chromium's lock is a symlink to "<host>-<pid>".
    const pid = Number(/-(\d+)$/.exec(readlinkSync(path.join(PROFILE_DIR, 'SingletonLock')))?.[1]);
    if (!Number.isInteger(pid) || pid <= 0) return undefined;
    process.kill(pid, 0);
    return pid;
  } catch {
    return undefined; // no lock, or its process is gone
  }
}

export async function launchDemoBrowser(headless: boolean): Promise<DemoBrowser> {
  await copyBuild(BUILD_DIR, EXTENSION_DIR);
  const extensionId = unpackedExtensionId(EXTENSION_DIR);
  const origin = `chrome-extension://${extensionId}/`;
  await rm(PROFILE_DIR, { recursive: true, force: true });
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(PROFILE_DIR, {
      executablePath: CHROMIUM_PATH,
      headless,
      args: chromiumArgs(EXTENSION_DIR),
      // The demo stops the browser itself on Ctrl-C / SIGTERM, after which it stops the sandbox.
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
      // A window follows its own size; no "controlled by automated test software" bar in front of a newcomer.
      ...(headless ? {} : { viewport: null, ignoreDefaultArgs: ['--enable-automation'] }),
    });
  } catch (error) {
    throw new Error(`Chromium did not start: ${(error as Error).message}`);
  }
  const url = (pathname: string) => origin + pathname.replace(/^\//, '');
  try {
    await serviceWorkerUp(context, extensionId);
  } catch (error) {
    await context.close().catch(() => undefined);
    throw error;
  }

  async function send(name: string, input: unknown, page?: Page) {
    // manifest.json opens as an extension-origin document that runs none of the extension's code.
    const host = page ?? (await context.newPage());
    try {
      if (!page) await host.goto(url('manifest.json'));
      for (let attempt = 0; ; attempt++) {
        try {
          const reply = host.evaluate(
            ([n, i]) => (globalThis as unknown as Chrome).chrome.runtime.sendMessage({ tag: 'venice-key-wallet/v1', name: n, input: i }),
            [name, input] as const,
          );
          return (await withTimeout(reply, ANSWER_MS, `the extension's background did not answer ${name} within ${ANSWER_MS / 1000} s`)) as {
            ok: boolean;
            output?: unknown;
            error?: { message: string };
          };
        } catch (error) {
          // Right after launch the service worker may not be listening yet, or (a loaded machine) may
          // not have started at all: make sure it runs, then ask again. Only idempotent calls come here.
          if (attempt >= 2 || !/Receiving end does not exist|did not answer/.test(String(error))) throw error;
          await startWorker(context, extensionId).catch(() => undefined);
        }
      }
    } finally {
      if (!page) await host.close();
    }
  }

  async function readBadge(): Promise<BadgeView> {
    const page = await context.newPage();
    try {
      await page.goto(url('manifest.json'));
      return await page.evaluate(async () => {
        const { action } = (globalThis as unknown as Chrome).chrome;
        const [text, color, title] = await Promise.all([action.getBadgeText({}), action.getBadgeBackgroundColor({}), action.getTitle({})]);
        return { text, color, title };
      });
    } finally {
      await page.close();
    }
  }

  let closed: Promise<void> | undefined;
  return {
    context,
    extensionId,
    url,
    send,
    readBadge,
    close() {
      closed ??= context.close().catch(() => undefined);
      return closed;
    },
  };
}

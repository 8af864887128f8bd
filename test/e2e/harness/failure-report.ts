// What the browser showed when a test failed: every open page of each live Chromium harness (its
// address, the data-status of its panels, its first visible text, its uncaught errors), the
// extension's service-worker status and a PNG per page under artifacts/failures/. Printed with the
// failure, so a CI log shows why a button was not found. Chromium only: the flaky failures seen
// were there; a Firefox harness is not registered.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { pageErrorsOf } from './page-errors';
import { ARTIFACTS_DIR } from './paths';
import { workerStatus } from './service-worker';

interface Live {
  context: BrowserContext;
  extensionId: string;
}
const live = new Set<Live>();

/** Registers a launched browser; returns the function that forgets it (on close). */
export function reportOnFailure(entry: Live): () => void {
  live.add(entry);
  return () => live.delete(entry);
}

const TEXT_CHARS = 300;
/** A page may show a key, a token or a signature: long unbroken runs are cut out of the log. */
const redact = (text: string) => text.replace(/[\w.+/=-]{24,}/g, '[long value removed]');

/** One report of every live browser, and screenshots named after `testName`. */
export async function failureReport(testName: string): Promise<string> {
  const lines: string[] = [];
  const dir = path.join(ARTIFACTS_DIR, 'failures');
  mkdirSync(dir, { recursive: true });
  const stem = testName.replace(/[^\w-]+/g, '-').slice(0, 60);
  let n = 0;
  for (const { context, extensionId } of live) {
    const worker = await workerStatus(context, extensionId).catch((e: unknown) => `unknown (${String(e)})`);
    lines.push(`[failure] extension ${extensionId}: service worker ${worker}`);
    for (const page of context.pages()) {
      n += 1;
      const seen = await page
        .evaluate((chars) => ({
          statuses: [...document.querySelectorAll('[data-testid][data-status]')].map((el) => `${el.getAttribute('data-testid')}=${el.getAttribute('data-status')}`),
          text: (document.body?.innerText ?? '').replace(/\s+/g, ' ').slice(0, chars),
          ready: document.readyState,
        }), TEXT_CHARS)
        .catch((e: unknown) => ({ statuses: [], text: `(not readable: ${String(e).split('\n')[0]})`, ready: '?' }));
      const errors = await pageErrorsOf(page).catch(() => []);
      const shot = path.join(dir, `${stem}-${n}.png`);
      await page.screenshot({ path: shot, timeout: 5_000 }).catch(() => undefined);
      lines.push(`[failure]   page ${page.url()} (${seen.ready}) ${seen.statuses.join(' ')}`);
      lines.push(`[failure]     text: ${redact(seen.text)}`);
      if (errors.length) lines.push(`[failure]     errors: ${redact(errors.join(' | ')).slice(0, TEXT_CHARS)}`);
    }
  }
  return lines.join('\n');
}

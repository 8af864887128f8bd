// Bench section: the popup as a person opens it, from the toolbar (chrome.action.openPopup), beside
// a blank extension page opened the same way, in ONE headed Chromium (under Xvfb when there is no
// display; skipped when there is neither). The set-up is popup_open's (popup-setup.ts): the popup
// shows a cached balance. Then, alternating, 20 opens of each: a page of the extension in the
// active tab sets the action's popup (popup.html or blank.html), reads the clock, calls
// action.openPopup(), finds the popup's window (extension.getViews) and reads its timeline:
// - popup.html: when the balance text was painted (Element Timing: elementtiming="balance" in
//   components/BalanceSummary.tsx), after checking the card holds the staged balance;
// - blank.html: its load event end (it paints nothing), which only favours the blank page;
// both from the openPopup() call, on one clock (performance.timeOrigin + startTime), so the
// browser's own work to open a popup counts for both, as it does for a person.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { launchChromium, type ChromiumHarness } from '../e2e/harness/chromium';
import { CHROME_SANDBOX_DIR } from '../e2e/harness/paths';
import { snapshotExtension } from '../e2e/harness/snapshot';
import { startSandbox } from '../sandbox/index';
import { BALANCE, BLANK_HTML, ensureBuild, median, p90, ratioOf, round, RUNS, setUp, stagedKey, TARGET_RATIO, targetLine, WARMUP } from './popup-setup';

const DRIVER_HTML = '<!DOCTYPE html>\n<html lang="en"><head><meta charset="UTF-8"><title>bench driver</title></head><body>bench driver</body></html>\n';

type Kind = 'popup' | 'blank';
/** Milliseconds from the openPopup() call: navigation start, load event end, ready (balance painted; blank: its load end). */
interface Open { navigation: number; load: number; ready: number; firstPaint: number }

/** A display for the headed browser: the one there is, or an Xvfb started here; null when neither. */
async function display(): Promise<{ name: string; stop(): void } | null> {
  if (process.env.DISPLAY) return { name: process.env.DISPLAY, stop: () => undefined };
  if (spawnSync('sh', ['-c', 'command -v Xvfb']).status !== 0) return null;
  for (let n = 90 + Math.floor(Math.random() * 100); n < 300; n++) {
    if (existsSync(`/tmp/.X11-unix/X${n}`) || existsSync(`/tmp/.X${n}-lock`)) continue;
    const xvfb: ChildProcess = spawn('Xvfb', [`:${n}`, '-screen', '0', '1280x800x24', '-nolisten', 'tcp'], { stdio: 'ignore' });
    for (let waited = 0; waited < 5_000 && xvfb.exitCode === null; waited += 50) {
      if (existsSync(`/tmp/.X11-unix/X${n}`)) return { name: `:${n}`, stop: () => void xvfb.kill() };
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    xvfb.kill();
  }
  return null;
}

/** In the driver page: opens `file` as the action's popup and times it from its own timeline. */
async function openOnce(driver: Page, file: string): Promise<Open> {
  await driver.bringToFront();
  const result = await driver.evaluate(async ({ file, text }) => {
    interface ChromeLike {
      action: { setPopup(d: { popup: string }): Promise<void>; openPopup(): Promise<void> };
      extension: { getViews(f: { type: 'popup' }): Window[] };
    }
    const chrome = (globalThis as unknown as { chrome: ChromeLike }).chrome;
    await chrome.action.setPopup({ popup: file });
    const t0 = performance.timeOrigin + performance.now();
    await chrome.action.openPopup();
    for (let waited = 0; waited < 10_000; waited += 5) {
      const view = chrome.extension.getViews({ type: 'popup' }).find((v) => v.location.pathname.endsWith(file));
      if (view && view.document.readyState === 'complete') {
        const origin = view.performance.timeOrigin;
        const nav = view.performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
        let ready = nav.loadEventEnd;
        if (file === 'popup.html') {
          // Buffered Element Timing entries of the balance text; the card must hold the balance.
          const painted = await new Promise<number | null>((resolve) => {
            const PopupObserver = (view as unknown as typeof globalThis).PerformanceObserver;
            const observer = new PopupObserver((list: PerformanceObserverEntryList) => {
              const times = list.getEntries().map((e: PerformanceEntry) => (e as PerformanceEntry & { renderTime: number }).renderTime);
              if (times.length > 0) { observer.disconnect(); resolve(Math.min(...times)); }
            });
            observer.observe({ type: 'element', buffered: true });
            setTimeout(() => { observer.disconnect(); resolve(null); }, 2_000);
          });
          const card = view.document.querySelector('[data-testid="balance-summary"]')?.textContent ?? '';
          if (painted === null || !card.includes(text)) return { error: `popup.html: balance painted ${painted}, card "${card.slice(0, 80)}"` };
          ready = painted;
        }
        view.close();
        // The first frame the popup painted at all (NaN for the blank page, which paints nothing).
        const firstPaint = view.performance.getEntriesByName('first-paint')[0]?.startTime ?? Number.NaN;
        return { navigation: origin - t0, load: origin + nav.loadEventEnd - t0, ready: origin + ready - t0, firstPaint: origin + firstPaint - t0 };
      }
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    return { error: `${file}: no popup window within 10 s` };
  }, { file, text: BALANCE });
  if ('error' in result) throw new Error(result.error);
  // Let the closed popup go before the next one opens.
  await new Promise((resolve) => setTimeout(resolve, 150));
  return result;
}

export async function bench(): Promise<Record<string, number | string>> {
  const screen = await display();
  if (!screen) {
    console.log('skipped: a toolbar popup needs a headed browser, and there is no DISPLAY and no Xvfb');
    return { skipped: 'no display' };
  }
  const previousDisplay = process.env.DISPLAY;
  process.env.DISPLAY = screen.name;
  const build = await ensureBuild();
  const sandbox = await startSandbox({ quiet: true });
  const copy = await snapshotExtension(CHROME_SANDBOX_DIR, 'vkw-bench-toolbar-');
  let h: ChromiumHarness | undefined;
  try {
    writeFileSync(path.join(copy.extensionDir, 'blank.html'), BLANK_HTML);
    writeFileSync(path.join(copy.extensionDir, 'driver.html'), DRIVER_HTML);
    const secret = await stagedKey(sandbox);
    h = await launchChromium({ extensionDir: copy.extensionDir, headless: false });
    await setUp(h, sandbox, secret);
    const driver = await h.openExtensionPage('driver.html');

    const times: Record<Kind, Open[]> = { popup: [], blank: [] };
    for (let i = 0; i < WARMUP + RUNS; i++) {
      const order: Kind[] = i % 2 === 0 ? ['popup', 'blank'] : ['blank', 'popup'];
      for (const kind of order) {
        const open = await openOnce(driver, `${kind}.html`);
        if (i >= WARMUP) times[kind].push(open);
      }
    }
    const stat = (kind: Kind, field: keyof Open) => times[kind].map((o) => o[field]);
    const popupMed = median(stat('popup', 'ready'));
    const blankMed = median(stat('blank', 'ready'));
    const ratio = ratioOf(popupMed, blankMed);
    console.log(`Chromium ${h.context.browser()?.version() ?? ''}, headed on ${screen.name}, .output/chrome-mv3-sandbox (${build}), ${RUNS} opens each from the toolbar, interleaved, after ${WARMUP} warm-up rounds`);
    console.log(`popup.html, openPopup() -> cached balance painted: median ${round(popupMed)} ms, p90 ${round(p90(stat('popup', 'ready')))} ms`);
    console.log(`blank.html, openPopup() -> load event end:         median ${round(blankMed)} ms, p90 ${round(p90(stat('blank', 'ready')))} ms`);
    console.log(`of which the browser's work before the page's navigation starts: popup ${round(median(stat('popup', 'navigation')))} ms, blank ${round(median(stat('blank', 'navigation')))} ms`);
    console.log(`popup.html load event end (a toolbar popup is shown once its page has loaded): median ${round(median(stat('popup', 'load')))} ms; its first painted frame: median ${round(median(stat('popup', 'firstPaint')))} ms`);
    console.log(targetLine(ratio));
    return {
      build: 'chrome-mv3-sandbox',
      runs: RUNS,
      popup_median_ms: round(popupMed),
      popup_p90_ms: round(p90(stat('popup', 'ready'))),
      blank_median_ms: round(blankMed),
      blank_p90_ms: round(p90(stat('blank', 'ready'))),
      ratio,
      target_ratio: TARGET_RATIO,
      popup_navigation_median_ms: round(median(stat('popup', 'navigation'))),
      popup_load_median_ms: round(median(stat('popup', 'load'))),
      popup_first_paint_median_ms: round(median(stat('popup', 'firstPaint'))),
      blank_navigation_median_ms: round(median(stat('blank', 'navigation'))),
    };
  } finally {
    await h?.close();
    copy.remove();
    await sandbox.stop();
    screen.stop();
    if (previousDisplay === undefined) delete process.env.DISPLAY;
    else process.env.DISPLAY = previousDisplay;
  }
}

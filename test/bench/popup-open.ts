// Bench section: how long the popup takes to show the cached balance, against an empty page of the
// same extension, in ONE Chromium with the built sandbox extension (the popup code is the same in
// the production build; sandbox mode only adds 127.0.0.1 to the host permissions, which the key
// check and the polls need). Set-up as a person does it: the options page points the extension at
// the sandbox, the popup creates the vault and imports a key minted from the staked wallet, and the
// first poll is cached. Then, alternating, each open loads in a fresh tab:
// - popup.html: navigation start -> the home screen's balance card holds the cached balance
//   (a MutationObserver installed before any page script records performance.now());
// - blank.html: an empty page added to the loaded copy only: navigation start -> load event end.
// Two more pages, also added to the copy only, show what any page showing the balance pays:
// - script.html: one script file that writes the balance as text (no storage read);
// - floor.html: one script file that reads the popup's storage items, then writes the balance.
// Both: navigation start -> the balance in the DOM, seen by the same observer as the popup's.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { launchChromium, type ChromiumHarness } from '../e2e/harness/chromium';
import { CHROME_SANDBOX_DIR, POPUP_VIEWPORT } from '../e2e/harness/paths';
import { snapshotExtension } from '../e2e/harness/snapshot';
import { startSandbox } from '../sandbox/index';
import { BALANCE, BLANK_HTML, ensureBuild, MARKER, median, p90, ratioOf, round, RUNS, setUp, stagedKey, TARGET_RATIO, targetLine, WARMUP } from './popup-setup';


const SCRIPT_PAGE = (src: string) => `<!DOCTYPE html>\n<html lang="en"><head><meta charset="UTF-8"><title>${src}</title></head><body><div id="app"></div><script src="/${src}.js"></script></body></html>\n`;
const WRITE = (text: string) => `const p=document.createElement('p');p.dataset.testid='balance-summary';p.textContent=${JSON.stringify(text)};document.getElementById('app').append(p);`;
/** Reads what entrypoints/popup/stored-read.ts reads, then writes. */
const READ_THEN_WRITE = (text: string) =>
  `Promise.all([chrome.storage.local.get(['vault','vault$','settings','pollCache']),chrome.storage.session.get(['vaultSession','mintFlow'])]).then(()=>{${WRITE(text)}});`;

type Kind = 'popup' | 'blank' | 'script' | 'floor';
/** inPage: to the marker (popup, script, floor) or load end (blank); load: load event end; wall: as Playwright saw it. */
interface Open { inPage: number; load: number; wall: number }
interface BenchWindow { __benchMarkerAt?: number }



/** Runs before any script of every page: records when the balance card first holds `expected`. */
async function installMarkerWatch(context: BrowserContext, expected: string): Promise<void> {
  await context.addInitScript(
    ({ selector, text }) => {
      const w = window as unknown as BenchWindow;
      const observer = new MutationObserver(() => {
        const el = document.querySelector(selector);
        if (w.__benchMarkerAt === undefined && el && (el.textContent ?? '').includes(text)) {
          w.__benchMarkerAt = performance.now();
          observer.disconnect();
        }
      });
      observer.observe(document, { childList: true, subtree: true, characterData: true });
    },
    { selector: MARKER, text: expected },
  );
}


async function openOnce(h: ChromiumHarness, kind: Kind): Promise<Open> {
  const page = await h.context.newPage();
  try {
    await page.setViewportSize(POPUP_VIEWPORT);
    const t0 = performance.now();
    if (kind !== 'blank') {
      await page.goto(h.url(`${kind}.html`), { waitUntil: 'commit' });
      await page.waitForFunction(() => (window as unknown as BenchWindow).__benchMarkerAt !== undefined, undefined, { timeout: 15_000 });
    } else {
      await page.goto(h.url('blank.html'), { waitUntil: 'load' });
    }
    const wall = performance.now() - t0;
    await page.waitForFunction(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).loadEventEnd > 0);
    const [inPage, load] = await page.evaluate((k) => {
      const loadEnd = (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).loadEventEnd;
      return [k !== 'blank' ? (window as unknown as BenchWindow).__benchMarkerAt! : loadEnd, loadEnd];
    }, kind);
    return { inPage, load, wall };
  } finally {
    await page.close();
  }
}


export async function bench(): Promise<Record<string, number | string>> {
  const build = await ensureBuild();
  const sandbox = await startSandbox({ quiet: true });
  // A copy of the build with blank.html added; launchChromium loads its own copy of this one.
  const copy = await snapshotExtension(CHROME_SANDBOX_DIR, 'vkw-bench-popup-');
  let h: ChromiumHarness | undefined;
  try {
    writeFileSync(path.join(copy.extensionDir, 'blank.html'), BLANK_HTML);
    for (const [name, js] of [['script', WRITE(BALANCE)], ['floor', READ_THEN_WRITE(BALANCE)]] as const) {
      writeFileSync(path.join(copy.extensionDir, `${name}.html`), SCRIPT_PAGE(name));
      writeFileSync(path.join(copy.extensionDir, `${name}.js`), js);
    }
    const secret = await stagedKey(sandbox);
    h = await launchChromium({ extensionDir: copy.extensionDir });
    const expected = await setUp(h, sandbox, secret);
    await installMarkerWatch(h.context, expected);

    const times: Record<Kind, Open[]> = { popup: [], blank: [], script: [], floor: [] };
    for (let i = 0; i < WARMUP + RUNS; i++) {
      // Alternate the order, so no page always follows the same one.
      const kinds: Kind[] = ['popup', 'blank', 'script', 'floor'];
      const order = i % 2 === 0 ? kinds : kinds.reverse();
      for (const kind of order) {
        const open = await openOnce(h, kind);
        if (i >= WARMUP) times[kind].push(open);
      }
    }
    const stat = (kind: Kind, field: keyof Open) => times[kind].map((o) => o[field]);
    const popupMed = median(stat('popup', 'inPage'));
    const blankMed = median(stat('blank', 'inPage'));
    const ratio = ratioOf(popupMed, blankMed);
    console.log(`Chromium ${h.context.browser()?.version() ?? ''}, .output/chrome-mv3-sandbox (${build}), ${RUNS} opens each, interleaved, after ${WARMUP} warm-up rounds; worker running`);
    console.log(`popup.html, navigation start -> cached balance in the DOM: median ${round(popupMed)} ms, p90 ${round(p90(stat('popup', 'inPage')))} ms`);
    console.log(`blank.html, navigation start -> load event end:           median ${round(blankMed)} ms, p90 ${round(p90(stat('blank', 'inPage')))} ms`);
    const scriptMed = median(stat('script', 'inPage'));
    const floorMed = median(stat('floor', 'inPage'));
    console.log(`script.html, one script file writes the balance:        median ${round(scriptMed)} ms (${round(scriptMed / blankMed)}x blank)`);
    console.log(`floor.html, one script file reads storage, then writes:  median ${round(floorMed)} ms (${round(floorMed / blankMed)}x blank)`);
    console.log(targetLine(ratio));
    console.log(`popup / floor (medians): ${round(popupMed / floorMed)}x: what the popup adds over the least any page showing stored data does`);
    console.log(`popup.html load event end (its scripts ran; the balance waits on the worker's answers): median ${round(median(stat('popup', 'load')))} ms`);
    console.log(`as seen from Playwright (goto start -> seen, incl. protocol round trips): popup ${round(median(stat('popup', 'wall')))} ms, blank ${round(median(stat('blank', 'wall')))} ms`);
    return {
      build: 'chrome-mv3-sandbox',
      runs: RUNS,
      popup_median_ms: round(popupMed),
      popup_p90_ms: round(p90(stat('popup', 'inPage'))),
      blank_median_ms: round(blankMed),
      blank_p90_ms: round(p90(stat('blank', 'inPage'))),
      ratio,
      target_ratio: TARGET_RATIO,
      script_page_median_ms: round(scriptMed),
      floor_median_ms: round(floorMed),
      floor_ratio: ratioOf(floorMed, blankMed),
      popup_over_floor: ratioOf(popupMed, floorMed),
      popup_load_median_ms: round(median(stat('popup', 'load'))),
      popup_wall_median_ms: round(median(stat('popup', 'wall'))),
      blank_wall_median_ms: round(median(stat('blank', 'wall'))),
    };
  } finally {
    await h?.close();
    copy.remove();
    await sandbox.stop();
  }
}

// Bench section: builds the production extension for Chrome and Firefox and
// measures what each entrypoint makes the browser load, gzipped (level 9, per
// file, summed): the popup (its HTML plus every script and stylesheet it pulls
// in statically), the options page, the background, each content script.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TARGETS = [
  { browser: 'chrome', args: ['build'], dir: '.output/chrome-mv3' },
  { browser: 'firefox', args: ['build', '-b', 'firefox'], dir: '.output/firefox-mv3' },
] as const;

interface Manifest {
  background?: { service_worker?: string; scripts?: string[]; page?: string };
  action?: { default_popup?: string };
  browser_action?: { default_popup?: string };
  options_ui?: { page?: string };
  options_page?: string;
  content_scripts?: Array<{ js?: string[]; css?: string[] }>;
}

export interface EntrySize { browser: string; entry: string; files: string[]; raw: number; gzip: number }

const rel = (from: string, ref: string) => (ref.startsWith('/') ? ref.slice(1) : path.posix.join(path.posix.dirname(from), ref));

/** The files a document or module loads before it runs: static imports, scripts, stylesheets, preloads. */
function directDeps(dir: string, file: string): string[] {
  const text = readFileSync(path.join(dir, file), 'utf8');
  const refs: string[] = [];
  if (file.endsWith('.html')) {
    for (const m of text.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)) refs.push(m[1]!);
    for (const m of text.matchAll(/<link\b[^>]*\brel="(?:stylesheet|modulepreload)"[^>]*\bhref="([^"]+)"/g)) refs.push(m[1]!);
    for (const m of text.matchAll(/<link\b[^>]*\bhref="([^"]+)"[^>]*\brel="(?:stylesheet|modulepreload)"/g)) refs.push(m[1]!);
  } else if (file.endsWith('.js')) {
    // `import"./x.js"`, `import{a}from"./x.js"`, `export*from"./x.js"`; not dynamic import("...").
    for (const m of text.matchAll(/(?:\bfrom|\bimport)\s*["']([^"']+\.(?:js|css))["']/g)) refs.push(m[1]!);
  }
  return refs.filter((r) => !/^[a-z]+:/i.test(r)).map((r) => rel(file, r.split(/[?#]/)[0]!));
}

/** Files a module may load later: `import("./x.js")` and the chunk lists Vite keeps for them. */
function lazyDeps(dir: string, file: string): string[] {
  if (!file.endsWith('.js')) return [];
  const text = readFileSync(path.join(dir, file), 'utf8');
  const refs = [...text.matchAll(/\bimport\(\s*["']([^"']+\.js)["']\s*\)/g)].map((m) => rel(file, m[1]!));
  for (const m of text.matchAll(/["'](chunks\/[^"']+\.js)["']/g)) refs.push(m[1]!);
  return refs;
}

function closure(dir: string, roots: string[], withLazy = false): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file) || !existsSync(path.join(dir, file))) return;
    seen.add(file);
    directDeps(dir, file).forEach(visit);
    if (withLazy) lazyDeps(dir, file).forEach(visit);
  };
  roots.forEach(visit);
  return [...seen];
}

function measure(browser: string, entry: string, dir: string, files: string[]): EntrySize {
  let raw = 0;
  let gzip = 0;
  for (const f of files) {
    const bytes = readFileSync(path.join(dir, f));
    raw += bytes.length;
    gzip += gzipSync(bytes, { level: 9 }).length;
  }
  return { browser, entry, files, raw, gzip };
}

function allFiles(dir: string, prefix = ''): string[] {
  return readdirSync(path.join(dir, prefix)).flatMap((name) => {
    const p = prefix ? `${prefix}/${name}` : name;
    return statSync(path.join(dir, p)).isDirectory() ? allFiles(dir, p) : [p];
  });
}

/** Measures every entrypoint of one built extension folder. */
export function entrySizes(browser: string, dir: string): EntrySize[] {
  const manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as Manifest;
  const out: EntrySize[] = [];
  const add = (entry: string, roots: Array<string | undefined>) => {
    const present = roots.filter((r): r is string => typeof r === 'string');
    if (present.length > 0) out.push(measure(browser, entry, dir, closure(dir, present)));
  };
  const popupPage = manifest.action?.default_popup ?? manifest.browser_action?.default_popup;
  add('popup', [popupPage]);
  if (popupPage) {
    // The budget: every script the popup can ever run, lazy screens included.
    const js = closure(dir, [popupPage], true).filter((f) => f.endsWith('.js'));
    out.push(measure(browser, 'popup JS, all', dir, js));
  }
  add('options', [manifest.options_ui?.page ?? manifest.options_page]);
  if (existsSync(path.join(dir, MANAGE_PAGE))) {
    add('manage', [MANAGE_PAGE]);
    // Issue 12's budget: the JavaScript the Manage keys page loads first (charts come on demand).
    const js = closure(dir, [MANAGE_PAGE]).filter((f) => f.endsWith('.js'));
    out.push(measure(browser, 'manage JS, first load', dir, js));
  }
  add('background', [manifest.background?.service_worker, ...(manifest.background?.scripts ?? []), manifest.background?.page]);
  // Content scripts: the manifest's, plus those WXT emits for runtime registration.
  const files = allFiles(dir);
  const contentJs = new Set<string>(files.filter((f) => /^content-scripts\/[^/]+\.js$/.test(f)));
  manifest.content_scripts?.forEach((cs) => cs.js?.forEach((f) => contentJs.add(f)));
  for (const js of [...contentJs].sort()) {
    const name = path.posix.basename(js, '.js');
    const css = files.filter((f) => f === `content-scripts/${name}.css`);
    add(`content:${name}`, [js, ...css]);
  }
  // Unlisted top-level scripts (e.g. a main-world script injected on demand).
  const listed = new Set(out.flatMap((e) => e.files));
  for (const js of files.filter((f) => /^[^/]+\.js$/.test(f) && !listed.has(f)).sort()) {
    add(`script:${path.posix.basename(js, '.js')}`, [js]);
  }
  out.push(measure(browser, 'total (every file)', dir, files));
  return out;
}

function build(args: readonly string[]): void {
  const res = spawnSync('npx', ['--no', '--', 'wxt', ...args], { cwd: ROOT, encoding: 'utf8' });
  if (res.status !== 0) {
    process.stderr.write(res.stdout + res.stderr);
    throw new Error(`wxt ${args.join(' ')} failed (${res.status ?? res.signal})`);
  }
}

/**
 * The popup's JavaScript, everything it can load (issue 16: at most 30 KiB, 30,720 B): 26,319 B gzip on
 * 2026-12-03 once it loaded no zod (38,955 B before), plus a small margin, so it can only go down.
 * Raised once, knowingly, to 27,500 B: the popup's header, Copy key on home (issue 11), the direct
 * wallet's and look-alike wallets' labels (issue 13) brought it to 26,997 B on 2026-12-03.
 * Raised again, knowingly, to 28,200 B: the status chip, the header's icons (issue 11), the page
 * wallets' icons, the look-alike notice and the progress line naming where the wallet asks (issue 13):
 * 28,019 B on 2026-12-03 (Chrome and Firefox), still under the issue's 30,720 B. Then 28,400 B for
 * the balances' glossary and the rate-limit legend (issue 11): 28,204 B (production) / 28,265 B
 * (sandbox) on 2026-12-03.
 */
export const POPUP_JS_BUDGET = 28_400;
/**
 * The background's budget (issue 16): what it weighs after the cuts (102,995 B gzip for Chrome on
 * 2026-12-03; 104,369 B once the clipboard clearing and the wallet choice were merged), rounded up,
 * so it can only go down. Raised once, knowingly: the Manage keys service (issue 12) and STORAGE_FULL
 * (issue 15) brought it to 106,182 B (Chrome) / 106,231 B (sandbox) on 2026-12-03. Raised again for
 * the Manage keys page's Usage section (issue 12: the usage-analytics and usage-history schemas, the
 * client's three usage calls and the CSV join): 107,642 B (Chrome) / 107,694 B (sandbox); for
 * Chrome's direct MetaMask path (issue 13: the private port to the offscreen document, the direct
 * wallet, the choice between it and the tab; MetaMask's stream packages stay in the offscreen
 * document's chunk) and the hardened signing tab (issue 13: the bridge bound to its document, the
 * tab's address checked before each request, look-alike wallets, the tab closed after a save, the
 * orphaned request): together 109,881 B (Chrome) on 2026-12-03.
 * Lowered to 75,200 B once the chain reads, the contract-wallet signature check and the wallet
 * requests left viem's client, transports and actions (lib/chain/rpc.ts; viem's verifyHash also
 * brought ox, abitype and the multicall3 bytecode): 74,766 B (Chrome) / 73,740 B (Firefox) on 2026-12-03;
 * the margin holds the popup's status-chip level (issue 11, +179 B on main) and the sandbox build's ~50 B.
 * Raised to 76,900 B when lib/chain/rpc.ts left its hand-written fetch-and-parse for viem's own HTTP
 * JSON-RPC client (getHttpRpcClient: per-request timeout, HTTP and timeout error classes, body size
 * limit), a well-kept library instead of a hand-written equivalent: 76,643 B (Chrome) / 75,617 B
 * (Firefox) on 2026-12-03, +1,877 B; the same margin (sandbox ~50 B, issue 11's +179 B for the status
 * chip's level and +59 B for the listener that opens the onboarding tab on install) is kept.
 * Raised knowingly for the rest of issue 13 (the direct path's resumed signature after a worker
 * restart, page wallets' icons kept for the choice, and in Firefox the direct wallet and its link;
 * its MetaMask packages stay in the framed page's chunk): 77,330 B (Chrome) on 2026-12-03 once merged; budget 77,500 B.
 * The target is 60 KiB (61,440 B) and is NOT met: zod/mini's core (37 kB minified), the
 * secp256k1 curve (32 kB), viem's ABI coder, address and message-hash helpers (26 kB) and
 * @noble/hashes (10 kB) stay (bench: breakdown).
 */
export const BACKGROUND_JS_BUDGET = 77_500;

/** Issue 12: the Manage keys page's first-load JavaScript under 45 KB gzip, charts loaded on demand. */
export const MANAGE_FIRST_LOAD_JS_BUDGET = 45 * 1024;
const MANAGE_PAGE = 'manage.html';

const kb = (n: number) => `${(n / 1024).toFixed(1)} kB`;

export async function bench(): Promise<Record<string, number | string>> {
  const rows: EntrySize[] = [];
  for (const t of TARGETS) {
    build(t.args);
    rows.push(...entrySizes(t.browser, path.join(ROOT, t.dir)));
  }
  const header = ['browser', 'entrypoint', 'files', 'raw', 'gzip'];
  const table = rows.map((r) => [r.browser, r.entry, String(r.files.length), kb(r.raw), kb(r.gzip)]);
  const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i >= 2 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  table.forEach((row) => console.log(line(row)));

  for (const r of rows.filter((row) => row.entry === 'popup JS, all')) {
    console.log(`${r.browser}: the popup's JavaScript, everything it can load: ${r.gzip} B gzip (${r.files.join(', ')}), budget < ${POPUP_JS_BUDGET} B: ${r.gzip < POPUP_JS_BUDGET ? 'met' : 'NOT met'}`);
  }
  for (const r of rows.filter((row) => row.entry === 'manage JS, first load')) {
    const met = r.gzip < MANAGE_FIRST_LOAD_JS_BUDGET ? 'met' : 'NOT met';
    console.log(`${r.browser}: the Manage keys page's first-load JavaScript: ${r.gzip} B gzip (${r.files.join(', ')}), budget < ${MANAGE_FIRST_LOAD_JS_BUDGET} B: ${met}`);
  }
  const figures: Record<string, number> = {};
  for (const r of rows) {
    const key = `${r.browser}.${r.entry.replace(/ \(every file\)$/, '').replace(/[ ,]+/g, '_')}`;
    figures[`${key}.gzip_bytes`] = r.gzip;
  }
  return figures;
}

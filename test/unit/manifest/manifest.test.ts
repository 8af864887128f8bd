/**
 * The built manifests, for Chrome and Firefox, production and `--mode sandbox`:
 * exactly the permissions the extension needs, Firefox's gecko settings, and no
 * content script or web-accessible file for pages the extension has no business on.
 * Also the built popup page: one script file, styles inline, no viem and no zod, within its budget;
 * the background and all the popup can load within their byte budgets (test/bench/sizes.ts)
 * (the built source maps say which modules each script holds).
 * beforeAll builds all four with WXT into a temporary folder (see build-manifests.ts).
 */
import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BRIDGE_SCRIPT_FILES } from '../../../lib/wallet/bridge-injection';
import { BACKGROUND_JS_BUDGET, MANAGE_FIRST_LOAD_JS_BUDGET, POPUP_JS_BUDGET, entrySizes } from '../../bench/sizes';
import { VARIANTS, variantDir } from './build-manifests';

const root = path.resolve(import.meta.dirname, '../../..');
const HOSTS = ['https://api.venice.ai/*', 'https://venice.ai/*', 'https://mainnet.base.org/*'];
const SANDBOX_HOST = 'http://127.0.0.1/*';
const BROAD = /<all_urls>|^\*:\/\/\*\/|^https?:\/\/\*\/|^\*:\/\/\*\.|^file:/;

interface Manifest {
  manifest_version: number;
  permissions?: string[];
  optional_permissions?: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
  content_scripts?: { matches?: string[]; exclude_matches?: string[] }[];
  web_accessible_resources?: unknown;
  content_security_policy?: unknown;
  externally_connectable?: unknown;
  background?: { service_worker?: string; scripts?: string[]; type?: string };
  browser_specific_settings?: Record<string, unknown>;
  minimum_chrome_version?: string;
}

let outDir = '';
const manifests = new Map<string, Manifest>();
const key = (browser: string, mode: string) => `${browser}/${mode}`;

beforeAll(async () => {
  outDir = await mkdtemp(path.join(tmpdir(), 'venice-key-wallet-manifest-'));
  const tsx = path.join(root, 'node_modules', '.bin', 'tsx');
  await promisify(execFile)(tsx, [path.join(import.meta.dirname, 'build-manifests.ts'), outDir], {
    cwd: root,
    timeout: 170_000,
    maxBuffer: 32 * 1024 * 1024,
  });
  for (const { browser, mode } of VARIANTS) {
    const file = path.join(variantDir(outDir, browser, mode), 'manifest.json');
    manifests.set(key(browser, mode), JSON.parse(await readFile(file, 'utf8')) as Manifest);
  }
}, 180_000);

afterAll(async () => {
  if (outDir) await rm(outDir, { recursive: true, force: true });
});

describe.each(VARIANTS)('$browser, $mode build', ({ browser, mode }) => {
  const manifest = () => manifests.get(key(browser, mode))!;

  it('asks for storage, alarms, scripting and the clipboard (plus offscreen in Chrome), with notifications optional', () => {
    expect(manifest().manifest_version).toBe(3);
    // The background clears a copied key with the popup closed: it must read the clipboard to
    // compare, and write it, without a gesture. Chrome does it from an offscreen document.
    const clipboard = browser === 'firefox' ? ['clipboardRead', 'clipboardWrite'] : ['clipboardRead', 'clipboardWrite', 'offscreen'];
    expect([...(manifest().permissions ?? [])].sort()).toEqual(['alarms', 'scripting', 'storage', ...clipboard].sort());
    expect(manifest().permissions).not.toContain('tabs');
    expect(manifest().optional_permissions).toEqual(['notifications']);
  });

  it('reaches Venice and Base, plus the local sandbox only in sandbox mode', () => {
    const expected = mode === 'sandbox' ? [...HOSTS, SANDBOX_HOST] : HOSTS;
    expect([...(manifest().host_permissions ?? [])].sort()).toEqual([...expected].sort());
    // No build uses another host (lib/settings/build-policy.ts), so none can be asked for.
    expect(manifest().optional_host_permissions).toBeUndefined();
    expect((manifest().host_permissions ?? []).filter((pattern) => BROAD.test(pattern))).toEqual([]);
    if (mode !== 'sandbox') expect(JSON.stringify(manifest())).not.toMatch(/127\.0\.0\.1|localhost/);
  });

  it('declares no content script, page-exposed file or CSP change', () => {
    const declared = manifest().content_scripts ?? [];
    const patterns = declared.flatMap((script) => script.matches ?? []);
    expect(patterns.filter((pattern) => BROAD.test(pattern))).toEqual([]);
    // The bridge halves are injected into the signing tab only, never declared.
    expect(declared).toEqual([]);
    expect(manifest().web_accessible_resources).toBeUndefined();
    expect(manifest().externally_connectable).toBeUndefined();
    expect(manifest().content_security_policy).toBeUndefined();
    expect(JSON.stringify(manifest())).not.toContain('<all_urls>');
  });

  it('lists the icon set (public/icon) in every size, and ships each file', () => {
    const icons = (manifest() as { icons?: Record<string, string> }).icons ?? {};
    expect(Object.keys(icons).map(Number).sort((a, b) => a - b)).toEqual([16, 32, 48, 96, 128]);
    for (const file of Object.values(icons)) expect(existsSync(path.join(variantDir(outDir, browser, mode), file)), file).toBe(true);
  });

  it('ships the two bridge scripts the background injects by path', () => {
    for (const file of Object.values(BRIDGE_SCRIPT_FILES)) {
      expect(existsSync(path.join(variantDir(outDir, browser, mode), file)), file).toBe(true);
    }
  });

  it('opens the popup with one classic script and its styles inline', async () => {
    const dir = variantDir(outDir, browser, mode);
    const html = await readFile(path.join(dir, 'popup.html'), 'utf8');
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts).toHaveLength(1);
    expect(scripts[0]).toMatch(/\ssrc="\/popup-app\.js"/);
    expect(scripts[0]).not.toMatch(/type=|async|defer/);
    expect(html).not.toMatch(/<link\b[^>]*\brel="(stylesheet|modulepreload)"/);
    expect(html).toMatch(/<style>[^<]*--accent[^<]*<\/style>/);
    // The inlined stylesheet is not shipped a second time.
    expect(readdirSync(path.join(dir, 'assets')).filter((f) => f.startsWith('popup'))).toEqual([]);
  });

  it("keeps viem, zod, the wallet and chain code and the Venice client out of the popup's script, within its budget", async () => {
    const dir = variantDir(outDir, browser, mode);
    const modules = async (file: string) =>
      (JSON.parse(await readFile(path.join(dir, `${file}.map`), 'utf8')) as { sources: string[] }).sources;
    // zod too (issue 16): the popup checks what it reads by hand (lib/shape), the background parses with zod.
    const FORBIDDEN = /node_modules\/(viem|ox|abitype|siwe|zod)\/|\/lib\/(wallet|chain|venice|vault\/(envelope|kdf|vault|key-ops|lock-ops|store))\b/;
    const popup = await modules('popup-app.js');
    expect(popup.some((m) => m.includes('/components/Home.tsx'))).toBe(true);
    expect(popup.filter((m) => FORBIDDEN.test(m))).toEqual([]);
    // The same pattern finds them in the background, so the check above can fail.
    expect((await modules('background.js')).filter((m) => FORBIDDEN.test(m)).length).toBeGreaterThan(10);
    const js = await readFile(path.join(dir, 'popup-app.js'));
    expect(gzipSync(js, { level: 9 }).length).toBeLessThan(POPUP_JS_BUDGET);
  });

  it('keeps the background and everything the popup can load within their byte budgets (gzip -9, as the bench counts)', () => {
    const sizes = entrySizes(browser, variantDir(outDir, browser, mode));
    const gzip = (entry: string) => sizes.find((s) => s.entry === entry)?.gzip ?? Number.NaN;
    expect(gzip('background')).toBeLessThanOrEqual(BACKGROUND_JS_BUDGET);
    expect(gzip('popup JS, all')).toBeLessThanOrEqual(POPUP_JS_BUDGET);
  });

  it("loads the Manage keys page's Usage section, its charts and contracts on demand only, within the first-load budget", async () => {
    const dir = variantDir(outDir, browser, mode);
    const first = entrySizes(browser, dir).find((s) => s.entry === 'manage JS, first load')!;
    expect(first.gzip).toBeLessThanOrEqual(MANAGE_FIRST_LOAD_JS_BUDGET);
    // Every file of the first load but WXT's tiny virtual HTML-plugin chunk has a source map.
    const mapped = first.files.filter((f) => existsSync(path.join(dir, `${f}.map`)));
    expect(first.files.filter((f) => !mapped.includes(f)).every((f) => f.includes('_virtual_wxt'))).toBe(true);
    const sources = (await Promise.all(mapped.map(async (f) =>
      (JSON.parse(await readFile(path.join(dir, `${f}.map`), 'utf8')) as { sources: string[] }).sources))).flat();
    expect(sources.some((m) => m.includes('/components/ManageApp.tsx'))).toBe(true);
    const ON_DEMAND = /node_modules\/uplot\/|\/components\/(ManageUsage|ManageUsageLedger)\.tsx|\/lib\/messaging\/manage-usage\.ts|\/lib\/venice\/schemas\/usage\.ts/;
    expect(sources.filter((m) => ON_DEMAND.test(m))).toEqual([]);
  });

  if (browser === 'chrome') {
    it('runs the background as a service worker and has no Firefox settings', () => {
      expect(manifest().background).toEqual({ service_worker: 'background.js' });
      expect(manifest().browser_specific_settings).toBeUndefined();
    });

    it('asks for the Chrome version whose APIs it calls (URL.canParse: 120)', () => {
      expect(manifest().minimum_chrome_version).toBe('120');
    });
  } else {
    it('runs the background as an event page with the gecko settings', () => {
      expect(manifest().background).toEqual({ scripts: ['background.js'] });
      expect(manifest().browser_specific_settings).toEqual({
        gecko: {
          id: 'venice-key-wallet@extension',
          strict_min_version: '140.0',
          data_collection_permissions: { required: ['authenticationInfo', 'financialAndPaymentInfo'] },
        },
        gecko_android: { strict_min_version: '142.0' },
      });
    });
  }
});

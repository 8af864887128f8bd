// `npm run bench`: runs each bench section in order, prints its figures, then one
// last line for machines: {"bench": {"<section>.<figure>": value, ...}}.
// `npm run bench -- sizes` runs only the named sections.
//
// To add a section: write test/bench/<name>.ts exporting
//   export async function bench(): Promise<Record<string, number | string>>
// (print what a person wants to read, return the figures), and add ONE line below.
import { spawnSync } from 'node:child_process';

type Figures = Record<string, number | string>;
type Section = () => Promise<{ bench(): Promise<Figures> }>;

const SECTIONS: Record<string, Section> = {
  sizes: () => import('./sizes'),
  breakdown: () => import('./breakdown'),
  mint_roundtrip: () => import('./mint-roundtrip'),
  vault: () => import('./vault'),
  polling: () => import('./polling'),
  popup_open: () => import('./popup-open'),
  popup_toolbar: () => import('./popup-toolbar'),
  mint_click: () => import('./mint-click'),
  worker_wake: () => import('./worker-wake'),
  manage_list: () => import('./manage-list'),
};

/** The sections that launch a browser (the others only build or compute). */
const NEEDS_BROWSERS = new Set(['popup_open', 'popup_toolbar', 'mint_click', 'worker_wake', 'manage_list']);

/** The browsers and Xvfb from Debian's packages, installed when missing, as the demo and the tests do. */
function ensureBrowsers(): void {
  const done = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/ensure-browsers.ts', '--xvfb'], { stdio: 'inherit' });
  if (done.status !== 0) throw new Error('scripts/ensure-browsers.ts --xvfb failed (see above)');
}

async function main(): Promise<number> {
  const wanted = process.argv.slice(2);
  const unknown = wanted.filter((name) => !(name in SECTIONS));
  if (unknown.length > 0) {
    console.error(`unknown bench section(s): ${unknown.join(', ')}; known: ${Object.keys(SECTIONS).join(', ')}`);
    return 2;
  }
  if (Object.keys(SECTIONS).some((name) => NEEDS_BROWSERS.has(name) && (wanted.length === 0 || wanted.includes(name)))) ensureBrowsers();
  const all: Figures = {};
  let failures = 0;
  for (const [name, load] of Object.entries(SECTIONS)) {
    if (wanted.length > 0 && !wanted.includes(name)) continue;
    console.log(`\n== ${name}`);
    const t0 = performance.now();
    try {
      const figures = await (await load()).bench();
      for (const [key, value] of Object.entries(figures)) {
        all[`${name}.${key}`] = value;
        console.log(`  ${key}: ${value}`);
      }
    } catch (error) {
      failures++;
      all[`${name}.error`] = error instanceof Error ? error.message : String(error);
      console.error(`  ${name} failed: ${all[`${name}.error`]}`);
    }
    console.log(`  (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
  }
  console.log(JSON.stringify({ bench: all }));
  return failures > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);

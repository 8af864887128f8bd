/**
 * `npm run zip`: the store packages, byte for byte the same from the same sources.
 *
 * 1. `wxt zip` (Chrome) and `wxt zip -b firefox` (Firefox, plus the sources zip AMO
 *    reviewers rebuild from; what it leaves out is set in wxt.config.ts).
 * 2. WXT stamps every zip entry with the current time. Each zip is written again with
 *    its files in name order and one fixed time: SOURCE_DATE_EPOCH when set, else
 *    1980-01-01 00:00 UTC (the earliest time a zip can hold).
 * 3. Prints the sha256 of each artifact and writes them to .output/SHA256SUMS.
 *
 * `--check` then unpacks the sources zip into a temporary folder, runs this script
 * there (node_modules linked from here) and fails unless all three zips come out
 * with the same sha256: what an AMO reviewer does, minus `npm ci`.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, readdir, rm, symlink, writeFile, mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type JSZipClass from 'jszip';

const root = path.resolve(import.meta.dirname, '..');
const outDir = path.join(root, '.output');
// The same JSZip that WXT zips with (a dependency of wxt, not of this project).
const JSZip = createRequire(path.join(root, 'node_modules/wxt/package.json'))('jszip') as typeof JSZipClass;
const KINDS = ['chrome', 'firefox', 'sources'] as const;

function fail(message: string): never {
  console.error(`zip: ${message}`);
  process.exit(1);
}

function fixedDate(): Date {
  const raw = process.env.SOURCE_DATE_EPOCH;
  if (raw === undefined || raw === '') return new Date(Date.UTC(1980, 0, 1));
  const seconds = Number(raw);
  if (!Number.isInteger(seconds) || seconds < 315_532_800) {
    fail(`SOURCE_DATE_EPOCH must be whole seconds from 1980-01-01 on (got "${raw}").`);
  }
  return new Date(seconds * 1000);
}

function run(command: string, args: string[], options: { cwd?: string; capture?: boolean } = {}): string {
  const stdout = options.capture ? 'pipe' : 'inherit';
  const result = spawnSync(command, args, { cwd: options.cwd ?? root, stdio: ['ignore', stdout, 'inherit'], encoding: 'utf8' });
  if (result.status !== 0) fail(`\`${command} ${args.join(' ')}\` failed (exit ${result.status ?? result.signal}).`);
  return result.stdout ?? '';
}

/** Rewrites a zip with sorted file entries (no folder entries) and one timestamp. */
async function normalizeZip(file: string, date: Date): Promise<void> {
  const source = await JSZip.loadAsync(await readFile(file));
  const out = new JSZip();
  const names = Object.keys(source.files)
    .filter((name) => !source.files[name]!.dir)
    .sort();
  for (const name of names) {
    out.file(name, await source.files[name]!.async('nodebuffer'), { date, createFolders: false, binary: true });
  }
  const bytes = await out.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
  await writeFile(file, bytes);
}

/** Files git would commit that differ from HEAD: they go into the zips but not into a checkout. */
function uncommitted(): string[] | undefined {
  const status = spawnSync('git', ['status', '--porcelain', '--untracked-files=all'], { cwd: root, encoding: 'utf8' });
  if (status.status !== 0) return undefined;
  return status.stdout.split('\n').filter(Boolean).map((line) => line.slice(3));
}

async function buildZips(): Promise<Map<string, string>> {
  for (const name of await readdir(outDir).catch(() => [])) {
    if (name.endsWith('.zip')) await rm(path.join(outDir, name));
  }
  const wxt = path.join(root, 'node_modules', '.bin', 'wxt');
  run(wxt, ['zip']);
  run(wxt, ['zip', '-b', 'firefox']);
  const zips = (await readdir(outDir)).filter((name) => name.endsWith('.zip')).sort();
  const byKind = new Map<string, string>();
  for (const kind of KINDS) {
    const found = zips.filter((name) => name.endsWith(`-${kind}.zip`));
    if (found.length !== 1) fail(`expected one *-${kind}.zip in .output, found ${found.length}.`);
    byKind.set(kind, found[0]!);
  }
  if (zips.length !== KINDS.length) fail(`unexpected zips in .output: ${zips.join(', ')}`);
  const date = fixedDate();
  for (const name of byKind.values()) await normalizeZip(path.join(outDir, name), date);
  return byKind;
}

async function sha256(file: string): Promise<string> {
  return createHash('sha256').update(await readFile(file)).digest('hex');
}

/** Rebuilds from the sources zip in a temporary folder; returns the sha256 of each zip made there. */
async function rebuildFromSources(sourcesZip: string): Promise<Map<string, string>> {
  const dir = await mkdtemp(path.join(tmpdir(), 'venice-key-wallet-sources-'));
  try {
    const archive = await JSZip.loadAsync(await readFile(sourcesZip));
    for (const [name, entry] of Object.entries(archive.files)) {
      if (entry.dir) continue;
      await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
      await writeFile(path.join(dir, name), await entry.async('nodebuffer'));
    }
    await symlink(path.join(root, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
    const tsx = path.join(root, 'node_modules', '.bin', 'tsx');
    const printed = run(tsx, ['scripts/zip.ts'], { cwd: dir, capture: true });
    process.stdout.write(printed.replace(/^/gm, '  [rebuild] '));
    const sums = new Map<string, string>();
    for (const line of (await readFile(path.join(dir, '.output', 'SHA256SUMS'), 'utf8')).split('\n').filter(Boolean)) {
      const [hash, name] = line.split(/\s+/);
      if (hash && name) sums.set(name, hash);
    }
    return sums;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const dirty = uncommitted();
if (dirty && dirty.length > 0) {
  console.warn(`zip: ${dirty.length} uncommitted file(s) go into these zips; a clean checkout will hash differently:`);
  for (const file of dirty.slice(0, 20)) console.warn(`  ${file}`);
}
const byKind = await buildZips();
const lines: string[] = [];
for (const name of byKind.values()) lines.push(`${await sha256(path.join(outDir, name))}  ${name}`);
await writeFile(path.join(outDir, 'SHA256SUMS'), `${lines.join('\n')}\n`);
const head = spawnSync('git', ['rev-parse', 'HEAD'], { cwd: root, encoding: 'utf8' });
console.log(`\nsha256 of the store artifacts${head.status === 0 ? ` (commit ${head.stdout.trim()})` : ''}:`);
for (const line of lines) console.log(`  ${line}`);

if (process.argv.includes('--check')) {
  const rebuilt = await rebuildFromSources(path.join(outDir, byKind.get('sources')!));
  const mismatched = KINDS.filter((kind) => {
    const name = byKind.get(kind)!;
    return !lines.includes(`${rebuilt.get(name)}  ${name}`);
  });
  if (mismatched.length > 0) fail(`rebuilt from the sources zip, the ${mismatched.join(', ')} zip(s) differ.`);
  console.log('\nRebuilt from the sources zip: the chrome, firefox and sources zips are byte-identical.');
}

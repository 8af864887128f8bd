/**
 * `npm run lint:firefox`: builds the Firefox package (production) and lints it the
 * way addons.mozilla.org does (`web-ext lint`, which runs Mozilla's addons-linter).
 *
 * Fails on any error, and on any warning that ALLOWED below does not explain. The
 * README's Firefox section says why each allowed warning is left as it is.
 * Notices are printed and do not fail the run.
 */
import { spawnSync } from 'node:child_process';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';

interface LintMessage {
  code: string;
  message: string;
  description?: string | string[];
  file?: string;
  line?: number;
}
interface LintReport {
  summary: { errors: number; warnings: number; notices: number };
  errors: LintMessage[];
  warnings: LintMessage[];
  notices: LintMessage[];
}

const root = path.resolve(import.meta.dirname, '..');
const sourceDir = path.join(root, '.output', 'firefox-mv3');
const bin = (name: string) => path.join(root, 'node_modules', '.bin', name);

/** The project's own code, which must never write HTML from strings. */
const OWN_CODE = ['entrypoints', 'components', 'lib'];
const HTML_SINKS = /\b(?:dangerouslySetInnerHTML|innerHTML|outerHTML|insertAdjacentHTML|document\.write)\b/;

/**
 * Preact's renderer assigns `innerHTML` in one place: the `dangerouslySetInnerHTML`
 * prop. A warning passes only in a bundle file that holds Preact's renderer (the
 * prop's name is in it), at most once per file, and only while our own code never
 * uses that prop or any other HTML sink (checked in ownHtmlSinks).
 */
async function isPreactInnerHtml(warning: LintMessage, perFile: Map<string, number>): Promise<boolean> {
  if (warning.code !== 'UNSAFE_VAR_ASSIGNMENT' || !warning.message.includes('innerHTML') || !warning.file) return false;
  const text = await readFile(path.join(sourceDir, warning.file), 'utf8').catch(() => '');
  if (!text.includes('dangerouslySetInnerHTML')) return false;
  const seen = (perFile.get(warning.file) ?? 0) + 1;
  perFile.set(warning.file, seen);
  return seen === 1;
}

async function ownHtmlSinks(): Promise<string[]> {
  const hits: string[] = [];
  for (const dir of OWN_CODE) {
    const files = await readdir(path.join(root, dir), { recursive: true }).catch(() => [] as string[]);
    for (const file of files.filter((name) => /\.(?:ts|tsx|js|html)$/.test(name))) {
      const lines = (await readFile(path.join(root, dir, file), 'utf8')).split('\n');
      lines.forEach((line, i) => {
        if (HTML_SINKS.test(line)) hits.push(`${dir}/${file}:${i + 1}`);
      });
    }
  }
  return hits;
}

function run(command: string, args: string[], capture: boolean): string {
  const result = spawnSync(command, args, {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    stdio: ['ignore', capture ? 'pipe' : 'inherit', 'inherit'],
  });
  // web-ext exits non-zero when the linter finds errors; the JSON report still comes.
  if (result.error || (!capture && result.status !== 0)) {
    console.error(`lint-firefox: \`${path.basename(command)} ${args.join(' ')}\` failed.`);
    process.exit(1);
  }
  return result.stdout ?? '';
}

const describe = (m: LintMessage) => `${m.code} ${m.file ?? ''}${m.line ? `:${m.line}` : ''}  ${m.message}`;

run(bin('wxt'), ['build', '-b', 'firefox'], false);
const raw = run(bin('web-ext'), ['lint', '--source-dir', sourceDir, '--output', 'json', '--no-config-discovery'], true);
let report: LintReport;
try {
  report = JSON.parse(raw) as LintReport;
} catch {
  console.error('lint-firefox: web-ext lint did not print a JSON report:\n' + raw.slice(0, 2000));
  process.exit(1);
}

const perFile = new Map<string, number>();
const allowed: LintMessage[] = [];
const refused: LintMessage[] = [];
for (const warning of report.warnings) {
  (await isPreactInnerHtml(warning, perFile) ? allowed : refused).push(warning);
}
const sinks = allowed.length > 0 ? await ownHtmlSinks() : [];

console.log(`\nweb-ext lint: ${report.summary.errors} error(s), ${report.summary.warnings} warning(s), ${report.summary.notices} notice(s)`);
for (const m of report.errors) console.log(`  error    ${describe(m)}`);
for (const m of refused) console.log(`  warning  ${describe(m)}`);
for (const m of allowed) console.log(`  allowed  ${describe(m)}  (Preact's dangerouslySetInnerHTML; see README)`);
for (const m of report.notices) console.log(`  notice   ${describe(m)}`);
for (const hit of sinks) console.log(`  own HTML sink ${hit}: the innerHTML allowance holds only while our code writes no HTML`);

if (report.errors.length > 0 || refused.length > 0 || sinks.length > 0) {
  console.error('\nlint-firefox: FAILED');
  process.exit(1);
}
console.log('\nlint-firefox: passed');

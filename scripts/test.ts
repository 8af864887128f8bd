// The one test command (`npm test`), for CI (.ci/run) and for developers.
// Runs each step in order with its output streamed, stops at the first failure,
// then prints one summary line per step with its time and `N passed, N failed`.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const REPORTS = path.join(ROOT, 'artifacts');
const STEP_TIMEOUT_MS = 30 * 60_000;

interface Step {
  name: string;
  cmd: string;
  args: string[];
  /** A vitest JSON report this step writes: the step fails if it ran no test. */
  vitestReport?: string;
}

const unitReport = path.join(REPORTS, 'vitest-unit.json');
const e2eReport = path.join(REPORTS, 'vitest-e2e.json');
const vitestReporters = (file: string) => ['--reporter=default', '--reporter=json', `--outputFile.json=${file}`];

// `eslint .` skipping what git ignores too: in a working checkout, scratch files under
// .sandbox/ or artifacts/ are nobody's code. (In CI these folders do not exist.)
const gitignored = existsSync(path.join(ROOT, '.gitignore'))
  ? readFileSync(path.join(ROOT, '.gitignore'), 'utf8').split('\n').map((l) => l.trim()).filter((l) => l !== '' && !/^[#!]/.test(l))
  : [];

/** The fixed seed of npm test's chaos step: its 40 attempts are the same on every run. */
const CHAOS_SEED = '15';

const STEPS: Step[] = [
  { name: 'browsers', cmd: 'npx', args: ['--no', '--', 'tsx', 'scripts/ensure-browsers.ts'] },
  { name: 'lint', cmd: 'npx', args: ['--no', '--', 'eslint', '.', ...gitignored.flatMap((p) => ['--ignore-pattern', p])] },
  { name: 'typecheck', cmd: 'npx', args: ['--no', '--', 'tsc', '--noEmit'] },
  // The house plan's boundaries (.dependency-cruiser.cjs) and no unused file or export (knip.json).
  { name: 'architecture', cmd: 'npm', args: ['run', 'arch'] },
  { name: 'unit+contract+sandbox', cmd: 'npx', args: ['--no', '--', 'vitest', 'run', ...vitestReporters(unitReport)], vitestReport: unitReport },
  { name: 'build:sandbox', cmd: 'npm', args: ['run', 'build:sandbox'] },
  { name: 'e2e', cmd: 'npm', args: ['run', 'test:e2e', '--', ...vitestReporters(e2eReport)], vitestReport: e2eReport },
  // A short fixed-seed chaos run (test/chaos): 40 randomized mint attempts under faults, invariants checked.
  { name: 'chaos', cmd: 'npm', args: ['run', 'chaos', '--', '--seed', CHAOS_SEED, '--runs', '40'] },
];

let current: ReturnType<typeof spawn> | undefined;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (current?.pid) killGroup(current.pid, signal);
    process.exit(130);
  });
}

function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // already gone
  }
}

/** Runs a command in its own process group (so a timeout can end all of it); resolves to an error or undefined. */
function run(step: Step): Promise<string | undefined> {
  return new Promise((resolve) => {
    const child = spawn(step.cmd, step.args, { cwd: ROOT, stdio: 'inherit', detached: true });
    current = child;
    const timer = setTimeout(() => {
      console.error(`\n[test] ${step.name} exceeded ${STEP_TIMEOUT_MS / 60_000} min: stopping it`);
      killGroup(child.pid!, 'SIGKILL');
    }, STEP_TIMEOUT_MS);
    child.on('error', (error) => {
      clearTimeout(timer);
      resolve(`could not start ${step.cmd}: ${error.message}`);
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      current = undefined;
      resolve(code === 0 ? undefined : `exit ${code ?? signal}`);
    });
  });
}

/** Reads vitest's JSON report; a run that passed no test at all counts as a failure. */
function checkVitestReport(file: string): { error?: string; note: string } {
  if (!existsSync(file)) return { error: 'vitest wrote no report', note: '' };
  const r = JSON.parse(readFileSync(file, 'utf8')) as {
    numTotalTests: number; numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests?: number;
    numFailedTestSuites: number;
  };
  const note = `${r.numPassedTests}/${r.numTotalTests} tests passed` +
    (r.numPendingTests + (r.numTodoTests ?? 0) > 0 ? `, ${r.numPendingTests + (r.numTodoTests ?? 0)} skipped` : '');
  if (r.numFailedTests > 0) return { error: `${r.numFailedTests} test(s) failed`, note };
  if (r.numFailedTestSuites > 0) return { error: `${r.numFailedTestSuites} suite(s) failed (a hook or import)`, note };
  if (r.numPassedTests === 0) return { error: 'vitest ran no test', note };
  return { note };
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)}s`;

async function main(): Promise<number> {
  mkdirSync(REPORTS, { recursive: true });
  const results: Array<{ name: string; ok: boolean | undefined; ms: number; detail: string }> = [];
  const started = Date.now();
  let failed = false;
  for (const step of STEPS) {
    if (failed) {
      results.push({ name: step.name, ok: undefined, ms: 0, detail: 'not run' });
      continue;
    }
    console.log(`\n[test] ▶ ${step.name}: ${step.cmd} ${step.args.join(' ')}`);
    if (step.vitestReport) rmSync(step.vitestReport, { force: true });
    const t0 = Date.now();
    let error = await run(step);
    let detail = '';
    if (step.vitestReport) {
      const report = checkVitestReport(step.vitestReport);
      error ??= report.error;
      detail = report.note;
    }
    const ms = Date.now() - t0;
    results.push({ name: step.name, ok: !error, ms, detail: [error, detail].filter(Boolean).join('; ') });
    failed = Boolean(error);
  }

  console.log('\n[test] summary');
  const width = Math.max(...results.map((r) => r.name.length));
  for (const r of results) {
    const mark = r.ok === undefined ? '-' : r.ok ? '✓' : '✗';
    const time = r.ok === undefined ? '' : seconds(r.ms).padStart(7);
    console.log(`  ${mark} ${r.name.padEnd(width)} ${time}  ${r.detail}`.trimEnd());
  }
  const passed = results.filter((r) => r.ok === true).length;
  const failedCount = results.filter((r) => r.ok === false).length;
  console.log(`  total ${seconds(Date.now() - started)}`);
  console.log(`${passed} passed, ${failedCount} failed`);
  return failedCount > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);

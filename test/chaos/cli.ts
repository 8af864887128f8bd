// npm run chaos: many randomized mint attempts against the sandbox build of the extension in
// Chromium, each under a seeded mix of faults, with the invariants checked after each one.
//   npm run chaos                         300 attempts, a new seed (printed first)
//   npm run chaos -- --seed 7 --runs 40   a fixed seed and count (the step of npm test)
//   npm run chaos -- --seed 7 --only 12   replay attempt 12 of that run alone (comma list allowed)
//   npm run chaos -- --extension DIR      drive another build of the extension (e.g. a scratch one)
// Exits 1 on any violation, printing the seed and the command that replays each failing attempt.
import { spawnSync } from 'node:child_process';
import { sandboxBuildIsStale } from '../e2e/harness/global-setup';
import { CHROME_SANDBOX_DIR, ROOT } from '../e2e/harness/paths';
import { prepare, runAttempt } from './attempt';
import { checkAttempt, type Violation } from './invariants';
import { describePlan, drawPlan } from './plan';
import { attemptRng } from './random';
import { emptyTotals, printReport } from './report';
import { launchWorld, type World } from './world';

/** A whole attempt (set-up, flow, checks) that takes longer than this is a harness error. */
const ATTEMPT_LIMIT_MS = 150_000;

function withinMs<T>(ms: number, task: () => Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`the attempt took over ${ms / 1000} s`)), ms);
  });
  return Promise.race([task(), limit]).finally(() => clearTimeout(timer));
}

interface Args {
  seed: number;
  runs: number;
  only?: number[];
  extension?: string;
}

function parseArgs(argv: string[]): Args {
  const value = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const int = (name: string, text: string | undefined) => {
    const n = Number(text);
    if (!Number.isSafeInteger(n) || n < 0) throw new Error(`${name} wants a whole number, got "${text}"`);
    return n;
  };
  const FLAGS = ['--seed', '--runs', '--only', '--extension'];
  const unknown = argv.filter((a, i) => a.startsWith('-') && !FLAGS.includes(a) && !FLAGS.includes(argv[i - 1] ?? ''));
  if (unknown.length > 0) throw new Error(`unknown flag(s) ${unknown.join(' ')}; see npm run chaos -- --help`);
  const seedText = value('--seed');
  const onlyText = value('--only');
  return {
    seed: seedText === undefined ? Math.floor(Math.random() * 2 ** 31) : int('--seed', seedText),
    runs: value('--runs') === undefined ? 300 : int('--runs', value('--runs')),
    only: onlyText === undefined ? undefined : onlyText.split(',').map((k) => int('--only', k)),
    extension: value('--extension'),
  };
}

/** Chromium's sandbox build, built again when it is missing or older than the sources. */
function ensureBuild(): void {
  const reason = sandboxBuildIsStale([CHROME_SANDBOX_DIR]);
  if (!reason) return;
  console.log(`[chaos] ${reason}: running wxt build --mode sandbox`);
  const res = spawnSync('npx', ['--no', '--', 'wxt', 'build', '--mode', 'sandbox'], { cwd: ROOT, stdio: 'inherit' });
  if (res.status !== 0) throw new Error(`wxt build --mode sandbox failed (${res.status ?? res.signal})`);
}

const USAGE = `npm run chaos -- [--seed N] [--runs N] [--only K[,K...]] [--extension DIR]
  (no flags)        300 attempts with a new seed (printed first)
  --seed N          a fixed seed; --runs N attempts (default 300)
  --only K,...      replay those attempts of that seed alone
  --extension DIR   drive another build of the extension (e.g. a scratch one)
Exits 1 on any violation, printing the seed and the command that replays each failing attempt.`;

async function main(): Promise<number> {
  if (process.argv.includes('--help') || process.argv.includes('-h')) {
    console.log(USAGE);
    return 0;
  }
  const args = parseArgs(process.argv.slice(2));
  console.log(`[chaos] seed ${args.seed}, ${args.only ? `attempt(s) ${args.only.join(',')} only` : `${args.runs} attempts`}`);
  if (args.extension === undefined) ensureBuild();
  const started = Date.now();
  const world: World = await launchWorld(args.extension);
  const stop = () => void world.close().finally(() => process.exit(130));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  const totals = emptyTotals();
  const violations: Violation[] = [];
  const attempts = args.only ?? Array.from({ length: args.runs }, (_, i) => i + 1);
  try {
    for (const k of attempts) {
      const plan = drawPlan(attemptRng(args.seed, k), k);
      totals.attempts += 1;
      for (const kind of plan.kinds) totals.faults[kind] += 1;
      let line: string;
      try {
        const { outcome, checked } = await withinMs(ATTEMPT_LIMIT_MS, async () => {
          const before = await prepare(world, plan);
          const outcome = await runAttempt(world, plan);
          return { before, outcome, checked: await checkAttempt(world, plan, before, outcome) };
        });
        const c = checked.counts;
        for (const key of ['minted', 'saved', 'shownOnce', 'told', 'lost', 'duplicates', 'orphaned'] as const) totals[key] += c[key];
        if (outcome.stuck) totals.stuck += 1;
        if (outcome.clickLost) totals.clicksLost += 1;
        if (outcome.msToSettled !== undefined) totals.msToSettled.push(outcome.msToSettled);
        const final = outcome.final.status + (outcome.final.error ? `:${outcome.final.error.code}` : '');
        totals.final[final] = (totals.final[final] ?? 0) + 1;
        violations.push(...checked.violations);
        line = `${final} after ${outcome.msToSettled ?? '-'} ms; minted ${c.minted}, saved ${c.saved}, shown once ${c.shownOnce}, told ${c.told}, lost ${c.lost}${c.orphaned ? `, orphaned by a browser re-send ${c.orphaned}` : ''}`;
        if (outcome.notes.length) line += ` [${outcome.notes.join('; ')}]`;
        for (const v of checked.violations) line += `\n      VIOLATION ${v.kind}: ${v.detail}`;
      } catch (error) {
        violations.push({ attempt: k, kind: 'harness', detail: (error as Error).message.split('\n')[0] ?? '' });
        line = `HARNESS ERROR ${(error as Error).message.split('\n')[0]}`;
      }
      console.log(`[chaos] #${k} +${Math.round((Date.now() - started) / 1000)}s ${plan.kinds.join(',') || 'clean'} -> ${line}`);
      if (violations.some((v) => v.attempt === k)) console.log(`      plan: ${describePlan(plan)}`);
    }
  } finally {
    await world.close();
  }
  printReport(totals, violations, { seed: args.seed, seconds: (Date.now() - started) / 1000 });
  if (violations.length === 0) return 0;
  const run = args.only ? `--only ${args.only.join(',')}` : `--runs ${args.runs}`;
  console.log(`\n[chaos] ${violations.length} violation(s), seed ${args.seed}. Replay the run: npm run chaos -- --seed ${args.seed} ${run}`);
  for (const k of [...new Set(violations.map((v) => v.attempt))]) {
    console.log(`  attempt ${k}: npm run chaos -- --seed ${args.seed} --only ${k}   (${violations.filter((v) => v.attempt === k).map((v) => v.kind).join(', ')})`);
  }
  return 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);

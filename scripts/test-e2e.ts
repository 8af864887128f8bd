// `npm run test:e2e`: the e2e suite (vitest, test/e2e/vitest.config.ts), one file at a time.
// Options of its own (everything else goes to vitest as it is):
//   --shuffle           the files in a seeded random order; the seed is printed before each run
//   --seed N            the seed of the first run (implies --shuffle); run i uses N + i - 1
//   --order a,b,c       these files first, in this order (names without .e2e.test.ts), then the rest
//   --repeat N          the suite N times in a row (a new seed each time); stops at the first failing run
//   --slow              tests pinned to one core (taskset -c 0) with a busy-loop neighbour on that core,
//                       so timing assumptions that only hold on a fast machine fail here
// Each run ends with a line `[e2e] run i/N: passed|failed in Ts (seed S)` and, after several, a summary.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const USAGE = 'usage: npm run test:e2e -- [--shuffle] [--seed N] [--order a,b,c] [--repeat N] [--slow] [vitest args…]';

export interface E2eOptions {
  shuffle: boolean;
  seed?: number;
  order?: string;
  repeat: number;
  slow: boolean;
  vitestArgs: string[];
}

export function parseArgs(argv: readonly string[]): E2eOptions {
  const options: E2eOptions = { shuffle: false, repeat: 1, slow: false, vitestArgs: [] };
  const value = (i: number, name: string) => {
    const v = argv[i + 1];
    if (v === undefined || v.startsWith('--')) throw new Error(`${name} needs a value. ${USAGE}`);
    return v;
  };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]!;
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const take = () => inline ?? value(i++, flag);
    switch (flag) {
      case '--shuffle':
        options.shuffle = true;
        break;
      case '--seed': {
        const seed = Number(take());
        if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) throw new Error(`--seed must be an integer from 0 to 4294967295. ${USAGE}`);
        options.seed = seed;
        options.shuffle = true;
        break;
      }
      case '--order':
        options.order = take();
        break;
      case '--repeat': {
        const n = Number(take());
        if (!Number.isInteger(n) || n < 1) throw new Error(`--repeat must be a whole number of runs, 1 or more. ${USAGE}`);
        options.repeat = n;
        break;
      }
      case '--slow':
        options.slow = true;
        break;
      default:
        options.vitestArgs.push(arg);
    }
  }
  return options;
}

/** The seed of run `i` (0-based): the given one plus i, or a fresh random one. */
export function seedFor(options: E2eOptions, i: number): number | undefined {
  if (!options.shuffle) return undefined;
  return options.seed === undefined ? randomInt(0, 0xffffffff) : (options.seed + i) >>> 0;
}

const hasTaskset = () => spawnSync('taskset', ['--version'], { stdio: 'ignore' }).status === 0;

/** A process spinning on core 0 for the whole run: the "busy neighbour" of --slow. */
function startBusyNeighbour(): ChildProcess {
  const spin = 'for(;;){}';
  const args = hasTaskset() ? ['taskset', '-c', '0', process.execPath, '-e', spin] : [process.execPath, '-e', spin];
  const child = spawn(args[0]!, args.slice(1), { stdio: 'ignore' });
  child.unref();
  return child;
}

function runVitest(options: E2eOptions, seed: number | undefined): Promise<number> {
  const env = { ...process.env };
  delete env.E2E_SEED;
  delete env.E2E_ORDER;
  if (seed !== undefined) env.E2E_SEED = String(seed);
  if (options.order) env.E2E_ORDER = options.order;
  if (options.slow) env.E2E_SLOW = '1';
  const vitest = ['npx', '--no', '--', 'vitest', 'run', '--config', 'test/e2e/vitest.config.ts', ...options.vitestArgs];
  const cmd = options.slow && hasTaskset() ? ['taskset', '-c', '0', ...vitest] : vitest;
  return new Promise((resolve) => {
    const child = spawn(cmd[0]!, cmd.slice(1), { cwd: ROOT, env, stdio: 'inherit' });
    const forward = (signal: NodeJS.Signals) => child.kill(signal);
    process.on('SIGINT', forward);
    process.on('SIGTERM', forward);
    child.on('exit', (code, signal) => {
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
      resolve(code ?? (signal ? 1 : 0));
    });
    child.on('error', () => resolve(1));
  });
}

async function main(): Promise<number> {
  let options: E2eOptions;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (error) {
    console.error((error as Error).message);
    return 2;
  }
  if (options.slow && !hasTaskset()) console.warn('[e2e] --slow: taskset not found; only the busy neighbour slows the run');
  const neighbour = options.slow ? startBusyNeighbour() : undefined;
  const stopNeighbour = () => neighbour?.kill('SIGKILL');
  process.on('exit', stopNeighbour);
  const results: string[] = [];
  let code = 0;
  try {
    for (let i = 0; i < options.repeat; i += 1) {
      const seed = seedFor(options, i);
      const label = `run ${i + 1}/${options.repeat}`;
      const how = [seed === undefined ? undefined : `seed ${seed}`, options.order ? `order ${options.order}` : undefined, options.slow ? 'slow: one core + busy neighbour' : undefined]
        .filter(Boolean)
        .join(', ');
      console.log(`\n[e2e] ${label}${how ? ` (${how})` : ''}`);
      const t0 = Date.now();
      code = await runVitest(options, seed);
      const line = `[e2e] ${label}: ${code === 0 ? 'passed' : 'failed'} in ${((Date.now() - t0) / 1000).toFixed(1)}s${seed === undefined ? '' : ` (seed ${seed})`}`;
      console.log(line);
      results.push(line);
      if (code !== 0) break;
    }
  } finally {
    stopNeighbour();
  }
  if (results.length > 1) console.log(`\n[e2e] summary\n${results.join('\n')}`);
  return code;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().then((code) => process.exit(code));
}

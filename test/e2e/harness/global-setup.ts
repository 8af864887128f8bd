// Vitest globalSetup for the e2e suite: builds the sandbox extension once when
// .output is missing or older than the sources, so `npm run test:e2e` never
// drives a stale build. (`npm test` builds first, so this then finds it fresh.)
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describeProcesses, killAll, leftoverProcesses, RUN_MARKER } from './leftovers';
import { CHROME_SANDBOX_DIR, FIREFOX_SANDBOX_DIR, ROOT } from './paths';

const SOURCES = ['entrypoints', 'components', 'lib', 'public', 'locales', 'assets', 'wxt.config.ts', 'package.json'];

function newestMtime(p: string): number {
  if (!existsSync(p)) return 0;
  const st = statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const entry of readdirSync(p)) newest = Math.max(newest, newestMtime(path.join(p, entry)));
  return newest;
}

function builtAt(dir: string): number {
  const manifest = path.join(dir, 'manifest.json');
  return existsSync(manifest) ? statSync(manifest).mtimeMs : 0;
}

/** Why the sandbox build in `dirs` (both browsers by default) must be built again, or undefined. */
export function sandboxBuildIsStale(dirs: string[] = [CHROME_SANDBOX_DIR, FIREFOX_SANDBOX_DIR]): string | undefined {
  const sources = Math.max(...SOURCES.map((s) => newestMtime(path.join(ROOT, s))));
  for (const dir of dirs) {
    const built = builtAt(dir);
    if (built === 0) return `${path.relative(ROOT, dir)} is missing`;
    if (built < sources) return `${path.relative(ROOT, dir)} is older than the sources`;
  }
  return undefined;
}

/** Builds if needed; marks the run (see leftovers.ts) and returns the teardown that checks it left nothing. */
export default function setup(): () => Promise<void> {
  const runId = randomUUID();
  // Set before vitest forks its workers: every process of this run inherits it.
  process.env[RUN_MARKER] = runId;
  const reason = sandboxBuildIsStale();
  if (reason) {
    console.log(`[e2e] ${reason}: running npm run build:sandbox`);
    const res = spawnSync('npm', ['run', 'build:sandbox'], { cwd: ROOT, stdio: 'inherit' });
    if (res.status !== 0) throw new Error(`npm run build:sandbox failed (${res.status ?? res.signal})`);
  }
  return async () => {
    // Vitest's own workers may still be exiting: only what the tests started counts.
    const left = (await leftoverProcesses(RUN_MARKER, runId, 10_000)).filter((p) => !/^(node|npm|sh|tsx|esbuild)$/.test(p.name));
    if (left.length === 0) return;
    killAll(left);
    throw new Error(`the e2e run left ${left.length} process(es) behind (now killed):\n  ${describeProcesses(left)}`);
  };
}

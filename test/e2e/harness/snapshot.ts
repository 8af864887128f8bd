// Each launch loads a private copy of the built extension. Several people and
// runs share one checkout: a rebuild of .output (npm run build:sandbox, or the
// e2e globalSetup of another run) must not pull files from under a running browser.
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface Snapshot {
  /** Temp folder holding the copy (and anything else the launcher puts there). */
  root: string;
  /** The copied extension. */
  extensionDir: string;
  remove(): void;
}

function looksComplete(dir: string): boolean {
  try {
    const manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as {
      background?: { service_worker?: string; scripts?: string[] };
      action?: { default_popup?: string };
    };
    const files = [
      manifest.background?.service_worker,
      ...(manifest.background?.scripts ?? []),
      manifest.action?.default_popup,
    ].filter((f): f is string => typeof f === 'string');
    return files.every((f) => existsSync(path.join(dir, f)));
  } catch {
    return false;
  }
}

const STALE_MS = 3 * 60 * 60_000;

/** Removes copies left by runs that died before close(): over three hours old and on no process's command line. */
function pruneStale(prefix: string): void {
  const dirs = readdirSync(tmpdir())
    .filter((name) => name.startsWith(prefix))
    .map((name) => path.join(tmpdir(), name))
    .filter((dir) => {
      try {
        return Date.now() - statSync(dir).mtimeMs > STALE_MS;
      } catch {
        return false;
      }
    });
  if (dirs.length === 0) return;
  let cmdlines = '';
  try {
    for (const pid of readdirSync('/proc').filter((n) => /^\d+$/.test(n))) {
      try {
        cmdlines += readFileSync(`/proc/${pid}/cmdline`, 'utf8') + '\n';
      } catch {
        // the process ended meanwhile
      }
    }
  } catch {
    return; // no /proc: leave everything alone
  }
  for (const dir of dirs) if (!cmdlines.includes(dir)) rmSync(dir, { recursive: true, force: true });
}

/** Copies `sourceDir` into a fresh temp folder, retrying while a rebuild leaves it incomplete. */
export async function snapshotExtension(sourceDir: string, prefix: string): Promise<Snapshot> {
  pruneStale(prefix);
  const root = mkdtempSync(path.join(tmpdir(), prefix));
  const extensionDir = path.join(root, 'extension');
  const remove = () => {
    process.off('exit', remove);
    rmSync(root, { recursive: true, force: true, maxRetries: 3 });
  };
  // If the test process ends without close() (a timeout, a crash), still clean up.
  process.on('exit', remove);
  for (let attempt = 0; attempt < 20; attempt++) {
    try {
      rmSync(extensionDir, { recursive: true, force: true });
      cpSync(sourceDir, extensionDir, { recursive: true });
      if (looksComplete(extensionDir)) return { root, extensionDir, remove };
    } catch {
      // the build is being rewritten right now; try again
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  remove();
  throw new Error(`${sourceDir} is missing or incomplete: run npm run build:sandbox`);
}

// Each launch loads a private copy of the built extension. Several people and
// runs share one checkout: a rebuild of .output (npm run build:sandbox, or the
// e2e globalSetup of another run) must not pull files from under a running browser.
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
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

/** Copies `sourceDir` into a fresh temp folder, retrying while a rebuild leaves it incomplete. */
export async function snapshotExtension(sourceDir: string, prefix: string): Promise<Snapshot> {
  const root = mkdtempSync(path.join(tmpdir(), prefix));
  const extensionDir = path.join(root, 'extension');
  const remove = () => rmSync(root, { recursive: true, force: true, maxRetries: 3 });
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

// The demo loads its own copy of the build (.sandbox/demo-extension): a rebuild in this checkout
// (e.g. by `npm test`) cannot pull files from under the running browser, and the copy's fixed path
// gives the extension the same id on every run. Copied asynchronously: a blocked event loop would
// keep tsx from passing on a Ctrl-C in time, and tsx then kills the demo before it can clean up.
import { access, cp, readFile, rm } from 'node:fs/promises';
import path from 'node:path';

async function looksComplete(dir: string): Promise<boolean> {
  try {
    const manifest = JSON.parse(await readFile(path.join(dir, 'manifest.json'), 'utf8')) as {
      background?: { service_worker?: string };
      action?: { default_popup?: string };
    };
    const files = [manifest.background?.service_worker, manifest.action?.default_popup, 'options.html'];
    await Promise.all(files.map((file) => (file ? access(path.join(dir, file)) : Promise.reject(new Error('missing')))));
    return true;
  } catch {
    return false;
  }
}

/** Copies `source` to `target`, retrying while a rebuild leaves the source incomplete. */
export async function copyBuild(source: string, target: string): Promise<void> {
  for (let attempt = 0; attempt < 20; attempt++) {
    await rm(target, { recursive: true, force: true });
    await cp(source, target, { recursive: true }).catch(() => undefined);
    if (await looksComplete(target)) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`${source} is missing or incomplete; the build step should have made it (try npx wxt build --mode sandbox)`);
}

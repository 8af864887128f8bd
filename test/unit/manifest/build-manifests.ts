/**
 * Builds the extension for Chrome and Firefox, production and sandbox, into one
 * folder (argv[2]) with WXT's own build, the same one `wxt build` runs. Kept out
 * of the default .output so a test run never replaces a build someone is using.
 * Run by manifest.test.ts: `tsx test/unit/manifest/build-manifests.ts <outDir>`.
 */
import path from 'node:path';

export const VARIANTS = [
  { browser: 'chrome', mode: 'production' },
  { browser: 'chrome', mode: 'sandbox' },
  { browser: 'firefox', mode: 'production' },
  { browser: 'firefox', mode: 'sandbox' },
] as const;

/** Where WXT puts one variant inside outDir (its default outDirTemplate). */
export function variantDir(outDir: string, browser: string, mode: string): string {
  return path.join(outDir, `${browser}-mv3${mode === 'production' ? '' : `-${mode}`}`);
}

const isMain = process.argv[1] !== undefined && path.resolve(process.argv[1]) === import.meta.filename;
if (isMain) {
  const outDir = process.argv[2];
  if (!outDir) throw new Error('usage: build-manifests.ts <outDir>');
  const root = path.resolve(import.meta.dirname, '../../..');
  const { build } = await import('wxt');
  for (const { browser, mode } of VARIANTS) {
    // Hidden source maps (no comment in the scripts, so their sizes are the store's): the
    // tests read which modules went into the popup's script.
    await build({ root, browser, mode, outDir: path.resolve(outDir), vite: () => ({ build: { sourcemap: 'hidden' } }) });
  }
}

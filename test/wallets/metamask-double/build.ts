// Builds the MetaMask test double as an unpacked extension for Chrome and Firefox:
//   npx tsx test/wallets/metamask-double/build.ts   → .output/metamask-double-{chrome,firefox}/
// One bundle of ./extension.ts (MetaMask's stream packages and viem, with Node's globals
// shimmed), a manifest with the fixed id (./identity.ts) and `externally_connectable: ids ["*"]`
// as MetaMask's own, and the keys it signs with: the sandbox's staked wallet, then the liquid
// one as the account a person switches to.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, stop } from 'esbuild';
import { devAccount, ROLES } from '../../sandbox/chain/accounts';
import { chromeIdOfKey, DOUBLE_CHROME_ID, DOUBLE_FIREFOX_ID, DOUBLE_MANIFEST_KEY } from './identity';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '../../..');

export const doubleDir = (browser: 'chrome' | 'firefox') => path.join(ROOT, '.output', `metamask-double-${browser}`);

function manifest(browser: 'chrome' | 'firefox') {
  const common = { manifest_version: 3, name: 'MetaMask test double', version: '1.0.0', externally_connectable: { ids: ['*'] } };
  return browser === 'chrome'
    ? { ...common, key: DOUBLE_MANIFEST_KEY, background: { service_worker: 'background.js' } }
    : { ...common, background: { scripts: ['background.js'] }, browser_specific_settings: { gecko: { id: DOUBLE_FIREFOX_ID } } };
}

export async function buildDouble(): Promise<{ chrome: string; firefox: string }> {
  if (chromeIdOfKey(DOUBLE_MANIFEST_KEY) !== DOUBLE_CHROME_ID) throw new Error('The double\'s manifest key does not give DOUBLE_CHROME_ID.');
  const keys = { first: devAccount(ROLES.staked).privateKey, second: devAccount(ROLES.liquid).privateKey };
  // esbuild's service process is stopped after the build: a test file must leave no process behind.
  const bundle = await build({
    entryPoints: [path.join(HERE, 'extension.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    inject: [path.join(HERE, 'shims.ts')],
    define: { global: 'globalThis', DOUBLE_KEYS: JSON.stringify(keys) },
    logLevel: 'warning',
  }).finally(() => stop());
  const code = bundle.outputFiles[0]!.contents;
  const out = { chrome: doubleDir('chrome'), firefox: doubleDir('firefox') };
  for (const browser of ['chrome', 'firefox'] as const) {
    mkdirSync(out[browser], { recursive: true });
    writeFileSync(path.join(out[browser], 'background.js'), code);
    writeFileSync(path.join(out[browser], 'manifest.json'), `${JSON.stringify(manifest(browser), null, 2)}\n`);
  }
  return out;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const out = await buildDouble();
  console.log(`[metamask-double] built ${out.chrome} and ${out.firefox} (Chrome id ${DOUBLE_CHROME_ID})`);
}

// Makes sure the two browsers the e2e suites drive are installed from Debian's
// own packages. As root it installs what is missing with apt-get; otherwise it
// prints the exact command and fails. It never downloads a browser any other way.
// `--xvfb` also makes sure of Xvfb (the bench's headed popup section needs a display).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const BROWSERS = [
  { path: '/usr/bin/chromium', pkg: 'chromium' },
  { path: '/usr/bin/firefox-esr', pkg: 'firefox-esr' },
  ...(process.argv.includes('--xvfb') ? [{ path: '/usr/bin/Xvfb', pkg: 'xvfb' }] : []),
];

function missingPackages(): string[] {
  return BROWSERS.filter((b) => !existsSync(b.path)).map((b) => b.pkg);
}

function run(cmd: string, args: string[]): void {
  console.log(`$ ${cmd} ${args.join(' ')}`);
  const res = spawnSync(cmd, args, {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (res.error) throw res.error;
  if (res.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited with ${res.status ?? res.signal}`);
}

export function ensureBrowsers(): void {
  const missing = missingPackages();
  if (missing.length === 0) {
    console.log(`browsers: ${BROWSERS.map((b) => b.path).join(', ')} present`);
    return;
  }
  const install = `DEBIAN_FRONTEND=noninteractive apt-get install -y ${missing.join(' ')}`;
  if (process.getuid?.() !== 0) {
    console.error(`Missing browser package(s): ${missing.join(', ')}. Install them with:`);
    console.error(`  sudo sh -c 'apt-get update && ${install}'`);
    process.exit(1);
  }
  console.log(`Installing missing browser package(s): ${missing.join(', ')}`);
  run('apt-get', ['update']);
  run('apt-get', ['install', '-y', ...missing]);
  const still = missingPackages();
  if (still.length > 0) {
    console.error(`apt-get finished but these are still missing: ${still.join(', ')}`);
    process.exit(1);
  }
  console.log('browsers installed');
}

ensureBrowsers();

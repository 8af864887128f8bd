// Before the browser starts: the sandbox build of the extension, and the browsers (Debian's packages).
import { spawn } from 'node:child_process';
import path from 'node:path';
import { ROOT } from './paths';

/** Runs a command from the repository root; its output is shown only if it fails (or always, with `show`). */
function run(cmd: string, args: string[], show = false): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: ROOT, stdio: show ? 'inherit' : ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000));
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      if (code === 0) return resolve();
      if (!show && output.trim()) console.error(output.trimEnd());
      reject(new Error(`${[cmd, ...args].join(' ')} failed (${signal ?? `exit code ${code}`})`));
    });
  });
}

/** `npx wxt build --mode sandbox`: the Chrome build with the sandbox's addresses allowed. */
export function buildSandboxExtension(): Promise<void> {
  return run('npx', ['--no', '--', 'wxt', 'build', '--mode', 'sandbox']);
}

/** scripts/ensure-browsers.ts: installs Chromium with apt-get as root, or says how. */
export function ensureBrowsers(): Promise<void> {
  return run(process.execPath, ['--import', 'tsx', path.join('scripts', 'ensure-browsers.ts')], true);
}

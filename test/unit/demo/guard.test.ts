// The orphan guard with real processes: `sleep`s stand in for the demo (watched) and for anvil.
import { spawn, type ChildProcess } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { guardChild } from '../../../scripts/demo/guard';

const started: ChildProcess[] = [];
afterEach(() => {
  for (const child of started.splice(0)) child.kill('SIGKILL');
});

function sleeper(): ChildProcess & { pid: number } {
  const child = spawn('sleep', ['60'], { stdio: 'ignore' });
  started.push(child);
  if (child.pid === undefined) throw new Error('sleep did not start');
  return child as ChildProcess & { pid: number };
}
const exited = (child: ChildProcess, ms: number) =>
  new Promise<boolean>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve(true);
    const timer = setTimeout(() => resolve(false), ms);
    child.once('exit', () => (clearTimeout(timer), resolve(true)));
  });

describe('orphan guard', () => {
  it('stops the guarded process when the watched one dies without cleaning up', async () => {
    const demo = sleeper();
    const anvil = sleeper();
    guardChild(anvil.pid, 'sleep', demo.pid);
    demo.kill('SIGKILL');
    expect(await exited(anvil, 5_000)).toBe(true);
    expect(anvil.signalCode).toBe('SIGTERM');
  });

  it('does nothing once ended, nor to a process that is not the named one', async () => {
    const demo = sleeper();
    const anvil = sleeper();
    const other = sleeper();
    guardChild(anvil.pid, 'sleep', demo.pid)(); // a clean shutdown ends the guard first
    guardChild(other.pid, 'anvil', demo.pid); // the pid now belongs to something else
    demo.kill('SIGKILL');
    expect(await exited(anvil, 2_500)).toBe(false);
    expect(await exited(other, 10)).toBe(false);
  });

  it('refuses a name that would not be safe in the shell', () => {
    expect(() => guardChild(123, 'anvil; rm -rf /')).toThrow(/bad pid or name/);
  });
});

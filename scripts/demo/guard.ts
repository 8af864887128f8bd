// A last line of defence against an orphaned anvil. The sandbox starts anvil in its own process
// group, and it is stopped by the demo's shutdown; but if the demo is killed outright (SIGKILL, e.g.
// by tsx when a Ctrl-C is not acknowledged within 60 ms, or the OOM killer) nothing in-process runs.
// So a tiny detached shell waits for the demo to die and then stops that anvil; a clean shutdown
// stops the guard first, so it never acts on a pid that may have been reused.
import { spawn } from 'node:child_process';

/**
 * Watches `watched` (this process); if it dies before the returned function is called, SIGTERMs
 * `pid` provided its command line still names `name`. Returns the function that ends the guard.
 */
export function guardChild(pid: number, name: string, watched = process.pid): () => void {
  if (![pid, watched].every(Number.isInteger) || !/^[\w-]+$/.test(name)) throw new Error('guardChild: bad pid or name');
  const script = [
    `while kill -0 ${watched} 2>/dev/null; do sleep 1; done`,
    `grep -q ${name} /proc/${pid}/cmdline 2>/dev/null && kill ${pid}`,
  ].join('; ');
  const guard = spawn('sh', ['-c', script], { detached: true, stdio: 'ignore' });
  guard.unref();
  return () => {
    try {
      if (guard.pid !== undefined) process.kill(guard.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  };
}

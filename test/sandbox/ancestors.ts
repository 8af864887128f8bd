// Stopping with the process that started us. `npm run sandbox` runs `sh -c tsx ...`; a SIGTERM sent
// to npm alone kills the shell but never reaches tsx or this process. So the CLI watches the
// processes above it and stops (and stops anvil) as soon as one of them is gone.
import { readFileSync } from 'node:fs';

function parentOf(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const parent = Number(fields[1]);
    return Number.isInteger(parent) && parent > 1 ? parent : undefined;
  } catch {
    return undefined; // no /proc (not Linux) or the process is gone
  }
}

/** Up to `levels` ancestors of this process, nearest first (only this process' parent where /proc is missing). */
export function ancestors(levels: number): number[] {
  const chain: number[] = [];
  let pid: number | undefined = process.ppid > 1 ? process.ppid : undefined;
  while (pid !== undefined && chain.length < levels) {
    chain.push(pid);
    pid = parentOf(pid);
  }
  return chain;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Calls `onGone` once, when one of the watched ancestors has exited. */
export function watchAncestors(onGone: () => void, levels = 3, intervalMs = 250): () => void {
  const watched = ancestors(levels);
  const timer = setInterval(() => {
    // process.ppid is fixed at start, so a re-parenting is read from /proc (where there is one).
    const parent = parentOf(process.pid);
    const reparented = parent !== undefined && watched.length > 0 && parent !== watched[0];
    if (watched.every(alive) && !reparented) return;
    clearInterval(timer);
    onGone();
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}

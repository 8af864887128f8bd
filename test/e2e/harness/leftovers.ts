// Processes an e2e run started and left behind. Every process a test starts (Chromium and its
// helpers, Firefox and its content processes, anvil) inherits the worker's environment, so a marker
// variable set before the browsers start finds them all in /proc, even those whose parent died and
// which were re-parented to init. Processes of other people's runs on the same machine carry another
// marker (or none) and are never touched.
import { readdirSync, readFileSync } from 'node:fs';

/** Set by the e2e globalSetup for the whole run; its children inherit it. */
export const RUN_MARKER = 'VKW_E2E_RUN';
/** Set by the e2e setup file for one test file (it changes before the browsers of that file start). */
export const FILE_MARKER = 'VKW_E2E_FILE';

export interface MarkedProcess {
  pid: number;
  /** The executable's name (e.g. chromium, firefox-esr, anvil). */
  name: string;
  cmdline: string;
}

function readProc(pid: string, file: string): string | undefined {
  try {
    return readFileSync(`/proc/${pid}/${file}`, 'utf8');
  } catch {
    return undefined; // ended meanwhile, or not ours to read
  }
}

/**
 * Live processes whose starting environment holds `name=value` (zombies excluded). `/proc/PID/environ`
 * is the environment a process was started with: a variable a Node process sets on itself later is
 * not in its own, only in its children's.
 */
export function processesMarked(name: string, value: string, exclude: readonly number[] = [process.pid]): MarkedProcess[] {
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((entry) => /^\d+$/.test(entry));
  } catch {
    return []; // no /proc (not Linux): nothing to check
  }
  const needle = `${name}=${value}`;
  const found: MarkedProcess[] = [];
  for (const pid of pids) {
    if (exclude.includes(Number(pid))) continue;
    const environ = readProc(pid, 'environ');
    if (!environ?.split('\0').includes(needle)) continue;
    const stat = readProc(pid, 'stat') ?? '';
    const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
    if (state === 'Z' || state === 'X') continue;
    const comm = (readProc(pid, 'comm') ?? '').trim();
    const cmdline = (readProc(pid, 'cmdline') ?? '').split('\0').join(' ').trim();
    found.push({ pid: Number(pid), name: comm, cmdline: cmdline.slice(0, 200) });
  }
  return found;
}

/** Waits up to `graceMs` for marked processes to end by themselves; returns those still alive. */
export async function leftoverProcesses(name: string, value: string, graceMs = 5_000, exclude?: readonly number[]): Promise<MarkedProcess[]> {
  const deadline = Date.now() + graceMs;
  let alive = processesMarked(name, value, exclude);
  while (alive.length > 0 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    alive = processesMarked(name, value, exclude);
  }
  return alive;
}

/** SIGKILLs the given processes (only ones found by their marker), so the next file starts clean. */
export function killAll(processes: readonly MarkedProcess[]): void {
  for (const p of processes) {
    try {
      process.kill(p.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
}

export const describeProcesses = (processes: readonly MarkedProcess[]) =>
  processes.map((p) => `${p.pid} ${p.name}: ${p.cmdline}`).join('\n  ');

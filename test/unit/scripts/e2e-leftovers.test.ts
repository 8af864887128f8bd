// The e2e leftover check (test/e2e/harness/leftovers.ts) finds a process by the marker it inherited,
// even one whose parent is gone, and never one with another marker.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { killAll, leftoverProcesses, processesMarked } from '../../../test/e2e/harness/leftovers';

describe.runIf(existsSync('/proc/self/environ'))('e2e leftover processes', () => {
  it('finds a marked process, only that one, and kills it', async () => {
    const mine = spawn('sleep', ['30'], { env: { ...process.env, VKW_TEST_MARK: 'mine' }, stdio: 'ignore' });
    const other = spawn('sleep', ['30'], { env: { ...process.env, VKW_TEST_MARK: 'other' }, stdio: 'ignore' });
    try {
      await new Promise((resolve) => setTimeout(resolve, 100));
      const found = processesMarked('VKW_TEST_MARK', 'mine');
      expect(found.map((p) => p.pid)).toEqual([mine.pid]);
      expect(found[0]!.name).toBe('sleep');
      killAll(found);
      expect(await leftoverProcesses('VKW_TEST_MARK', 'mine', 2_000)).toEqual([]);
      expect(processesMarked('VKW_TEST_MARK', 'other').map((p) => p.pid)).toEqual([other.pid]);
    } finally {
      mine.kill('SIGKILL');
      other.kill('SIGKILL');
    }
  });
});

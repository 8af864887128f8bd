// Vitest setupFile of the e2e suite: runs in each test file's worker. It marks every process this
// file starts (see leftovers.ts) and, after the file's own afterAll hooks, fails the file if any of
// them is still alive (a browser, a Firefox content process, anvil), after killing them so the
// next file starts from nothing.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeEach } from 'vitest';
import { failureReport } from './failure-report';
import { describeProcesses, FILE_MARKER, killAll, leftoverProcesses } from './leftovers';

const fileId = randomUUID();
process.env[FILE_MARKER] = fileId;

// A failed test prints what the browser showed at that moment (failure-report.ts).
beforeEach(({ task, onTestFailed }) => {
  onTestFailed(async () => {
    const report = await failureReport(task.name).catch((e: unknown) => `[failure] no report: ${String(e)}`);
    if (report) console.log(`[failure] ${task.name}\n${report}`);
  });
});

afterAll(async () => {
  // A browser's helpers can take a moment to exit after close(): give them 10 s.
  const left = await leftoverProcesses(FILE_MARKER, fileId, 10_000);
  if (left.length === 0) return;
  killAll(left);
  throw new Error(`this file left ${left.length} process(es) behind (now killed):\n  ${describeProcesses(left)}`);
});

// End-to-end suites: the built extension in real Chromium and Firefox ESR.
// One file at a time (one browser at a time on 2 cores), long timeouts.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { E2eSequencer } from './harness/sequencer';

export default defineConfig({
  root: fileURLToPath(new URL('../../', import.meta.url)),
  test: {
    include: ['test/e2e/**/*.e2e.test.ts'],
    globalSetup: ['test/e2e/harness/global-setup.ts'],
    // Marks each file's processes and fails the file if one outlives it (harness/per-file.ts).
    setupFiles: ['test/e2e/harness/per-file.ts'],
    fileParallelism: false,
    maxWorkers: 1,
    testTimeout: 120_000,
    hookTimeout: 120_000,
    teardownTimeout: 30_000,
    // File order: vitest's, or shuffled with E2E_SEED, or E2E_ORDER first (see harness/sequencer.ts).
    sequence: { sequencer: E2eSequencer },
  },
});

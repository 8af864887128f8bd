// The local Venice API + Base chain for e2e tests: quiet, in-memory state, a free port.
import { startSandbox, type Sandbox, type SandboxOptions } from '../../sandbox/index';

export type { Sandbox, SandboxOptions } from '../../sandbox/index';

/** Starts a fresh sandbox; call `stop()` in afterAll. */
export function startSandboxForTest(options: SandboxOptions = {}): Promise<Sandbox> {
  return startSandbox({ quiet: true, ...options });
}

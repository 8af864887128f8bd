import { expect, vi } from 'vitest';
import { createMintRunner } from '../../../lib/mint/runner';
import type { MintState } from '../../../lib/mint/state';
import { fakeDeps } from './fakes';

export type Fake = ReturnType<typeof fakeDeps>;

/** Waits until the persisted flow reaches `status`, and returns that state. */
export async function until(fake: Fake, status: MintState['status']): Promise<MintState> {
  await vi.waitFor(() => expect(fake.state().status).toBe(status), { timeout: 2_000, interval: 2 });
  return fake.state();
}

/** A runner over fake deps, started and connected: the flow is `ready`. */
export async function connected(fake = fakeDeps()) {
  const runner = createMintRunner(fake.deps);
  await runner.start();
  await until(fake, 'ready');
  return { fake, runner };
}

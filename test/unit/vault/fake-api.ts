import { vi } from 'vitest';
import type { VaultApi } from '../../../components/vault-api';
import { RemoteError } from '../../../lib/messaging/protocol';

/** A VaultApi whose every method is a vi.fn the test programs. */
export function fakeApi(overrides: Partial<VaultApi> = {}): { [K in keyof VaultApi]: ReturnType<typeof vi.fn> & VaultApi[K] } {
  const api = {
    status: vi.fn(async () => ({ state: 'not-set-up' as const })),
    setup: vi.fn(async () => undefined),
    unlock: vi.fn(async () => undefined),
    lock: vi.fn(async () => undefined),
    reveal: vi.fn(async () => 'VENICE_INFERENCE_KEY_fake'),
    importKey: vi.fn(),
    remove: vi.fn(async () => true),
    changePassphrase: vi.fn(async () => undefined),
    reset: vi.fn(async () => undefined),
    copy: vi.fn(async () => 'copied-will-clear' as const),
    ...overrides,
  };
  return api as never;
}

export const remote = (code: string, message: string, action = 'fix_input') => new RemoteError({ code, message, action });

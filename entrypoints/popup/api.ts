/**
 * The popup's one door to the background vault: typed calls over the message
 * protocol, plus the clipboard. Components get this object as a prop and never
 * call storage, fetch or the runtime themselves.
 */
import { call, type Send } from '../../lib/messaging/call';
import { sendToBackground } from '../../lib/messaging/runtime';
import { vaultContracts, type VaultStatusView } from '../../lib/messaging/vault';
import type { KeyMeta } from '../../lib/vault/record';
import { copyAndClearLater, type CopyOutcome } from './clipboard';

export interface VaultApi {
  status(): Promise<VaultStatusView>;
  setup(passphrase: string, confirm: string): Promise<void>;
  unlock(passphrase: string): Promise<void>;
  lock(): Promise<void>;
  reveal(id: string): Promise<string>;
  importKey(secret: string, description: string): Promise<KeyMeta>;
  remove(id: string): Promise<boolean>;
  changePassphrase(current: string, next: string, confirm: string): Promise<void>;
  reset(confirmation: string): Promise<void>;
  /** Writes to the clipboard; clears it after `clearAfterSeconds` if it still holds `text` (0 = never). */
  copy(text: string, clearAfterSeconds: number): Promise<CopyOutcome>;
}

export function createVaultApi(send: Send = sendToBackground): VaultApi {
  const c = vaultContracts;
  return {
    status: () => call(send, c, 'vault.status', {}),
    setup: async (passphrase, confirm) => void (await call(send, c, 'vault.setup', { passphrase, confirm })),
    unlock: async (passphrase) => void (await call(send, c, 'vault.unlock', { passphrase })),
    lock: async () => void (await call(send, c, 'vault.lock', {})),
    reveal: async (id) => (await call(send, c, 'vault.reveal', { id })).secret,
    importKey: (secret, description) => call(send, c, 'vault.import', { secret, description }),
    remove: async (id) => (await call(send, c, 'vault.remove', { id })).removed,
    changePassphrase: async (current, next, confirm) =>
      void (await call(send, c, 'vault.changePassphrase', { current, next, confirm })),
    reset: async (confirmation) => void (await call(send, c, 'vault.reset', { confirmation })),
    copy: (text, clearAfterSeconds) => copyAndClearLater(navigator.clipboard, text, clearAfterSeconds),
  };
}

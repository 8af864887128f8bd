/**
 * The popup's one door to the background vault: typed calls over the message
 * protocol, plus the clipboard. Components get this object as a prop and never
 * call storage, fetch or the runtime themselves.
 */
import type { Send } from '../../lib/messaging/call';
import { sendToBackground } from '../../lib/messaging/runtime';
import type { VaultStatusView } from '../../lib/messaging/vault';
import type { KeyMeta } from '../../lib/vault/record';
import { copyAndClearLater, type CopyOutcome } from './clipboard';
import { request } from './request';

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
  return {
    status: () => request(send, 'vault.status', {}),
    setup: async (passphrase, confirm) => void (await request(send, 'vault.setup', { passphrase, confirm })),
    unlock: async (passphrase) => void (await request(send, 'vault.unlock', { passphrase })),
    lock: async () => void (await request(send, 'vault.lock', {})),
    reveal: async (id) => (await request(send, 'vault.reveal', { id })).secret,
    importKey: (secret, description) => request(send, 'vault.import', { secret, description }),
    remove: async (id) => (await request(send, 'vault.remove', { id })).removed,
    changePassphrase: async (current, next, confirm) =>
      void (await request(send, 'vault.changePassphrase', { current, next, confirm })),
    reset: async (confirmation) => void (await request(send, 'vault.reset', { confirmation })),
    copy: (text, clearAfterSeconds) => copyAndClearLater(navigator.clipboard, text, clearAfterSeconds),
  };
}

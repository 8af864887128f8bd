/**
 * What the vault screens ask the background (entrypoints/popup/api.ts builds it on the
 * popup's client). Components get it as a prop and never call storage, fetch or the runtime.
 */
import type { VaultStatusView } from '../lib/messaging/vault';
import type { KeyMeta } from '../lib/vault/record';

/** What a copy did: cleared later by the background, or not cleared (delay 0, or the browser refused the clipboard permissions). */
export type CopyOutcome = 'copied-will-clear' | 'copied-no-clear';

export interface VaultApi {
  status(): Promise<VaultStatusView>;
  setup(passphrase: string, confirm: string): Promise<unknown>;
  unlock(passphrase: string): Promise<unknown>;
  lock(): Promise<unknown>;
  reveal(id: string): Promise<string>;
  importKey(secret: string, description: string): Promise<KeyMeta>;
  remove(id: string): Promise<boolean>;
  /** Revokes a saved key at Venice with an ADMIN key of the vault (both record ids); the key is then marked revoked. */
  revokeAtVenice?(adminId: string, recordId: string): Promise<void>;
  changePassphrase(current: string, next: string, confirm: string): Promise<unknown>;
  reset(confirmation: string): Promise<unknown>;
  /** Writes to the clipboard; the background clears it after `clearAfterSeconds` if it still holds `text` (0 = never), popup open or not. */
  copy(text: string, clearAfterSeconds: number): Promise<CopyOutcome>;
}

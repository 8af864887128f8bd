/**
 * What the onboarding tab (welcome.html) asks the background: the mint flow's messages and
 * the vault's, on the popup's own client (entrypoints/welcome/api.ts builds it). No message
 * of its own: the tab shows the same flow state as the popup, and follows it live.
 */
import type { MintApi } from './mint-api';
import type { CopyVault } from './HomeCopyRow';
import type { VaultApi } from './vault-api';

export interface WelcomeApi {
  mint: MintApi;
  vault: Pick<VaultApi, 'status' | 'setup' | 'unlock'>;
  /** Copy key / Copy as VENICE_API_KEY= (the home screen's row, the same clearing of the clipboard). */
  copyVault: CopyVault;
  /** Copies a key the vault could not store (shown once), cleared after the vault's delay. */
  copyUnstored: (text: string) => Promise<unknown>;
  /** Brings this tab back to the front once the wallet has answered (the signing tab had the focus). */
  focusSelf: () => Promise<void>;
}

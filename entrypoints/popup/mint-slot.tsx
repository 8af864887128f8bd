/**
 * The mint panel as the home screen's slot, with its own flow api. Evaluated on
 * first use (an inlined dynamic import), so the popup's first paint does not run the mint flow's code.
 */
import { MintPanel } from '../../components/MintPanel';
import { createMintApi } from '../../lib/mint/client';
import type { VaultApi } from './api';

let flow: ReturnType<typeof createMintApi> | undefined;

export function MintSlot({ vault, onUnlockRequested }: { vault: VaultApi; onUnlockRequested: () => void }) {
  flow ??= createMintApi();
  /** Copies a minted key the vault could not store, cleared after the vault's clipboard delay. */
  const copy = async (text: string) => {
    const status = await vault.status().catch(() => null);
    return vault.copy(text, status?.state === 'unlocked' ? status.clipboardClearSeconds : 30);
  };
  return <MintPanel api={flow} onUnlockRequested={onUnlockRequested} copy={copy} />;
}

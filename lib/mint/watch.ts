/**
 * Following the flow's stored state (`session:mintFlow`, written by the background
 * through lib/mint/storage.ts) straight from storage.onChanged, without the storage
 * library: the popup loads this, and it behaves as the library's item watch did
 * (no call when the value did not change; a removed value reads as idle; every
 * value is checked with zod, and one that does not fit reads as idle).
 */
import { browser } from 'wxt/browser';
import { IDLE, parseMintState, type MintState } from './state';

/** The key of the flow's item in storage.session. */
export const MINT_STORAGE_KEY = 'mintFlow';

type Change = { newValue?: unknown; oldValue?: unknown };
export interface SessionArea {
  onChanged: {
    addListener(cb: (changes: Record<string, Change>) => void): void;
    removeListener(cb: (changes: Record<string, Change>) => void): void;
  };
}

/** Structural equality of stored (JSON-like) values. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k) => Object.hasOwn(b, k) && sameValue((a as never)[k], (b as never)[k]));
}

/** Calls `listener` with the checked state whenever it changes; returns the function that stops it. */
export function watchMintState(listener: (state: MintState) => void, area: SessionArea = browser.storage.session): () => void {
  const onChanged = (changes: Record<string, Change>) => {
    const change = changes[MINT_STORAGE_KEY];
    if (change == null || sameValue(change.newValue, change.oldValue)) return;
    listener(parseMintState(change.newValue ?? IDLE));
  };
  area.onChanged.addListener(onChanged);
  return () => area.onChanged.removeListener(onChanged);
}

/**
 * What the home screen asks the background (entrypoints/popup/api.ts builds it on the
 * popup's client), and the state it can show at once, read from storage at open.
 */
import type { ToolbarStatus } from '../lib/messaging/toolbar';
import type { PollOutcome } from '../lib/toolbar/cache';
import type { SwitchableKey } from './KeySwitcher';

/** A saved key as the home screen lists it (vault metadata, no secret). */
export interface HomeKey extends SwitchableKey {
  /** The expiry the key was saved with; null = never. */
  expiresAt?: string | null;
}

/** What the home screen shows at once, before the background answers (read from storage by entrypoints/popup). */
export interface HomeSnapshot {
  status: ToolbarStatus;
  keys: HomeKey[];
  pollMinutes: number;
}

/** What the home screen asks the background (entrypoints/popup wires it to the messaging contracts). */
export interface HomeApi {
  /** The cached state for the first paint, once (null after the first call, or when there is none). */
  initial?(): HomeSnapshot | null;
  /** toolbar.get: the cached poll of the active key, at once. */
  status(): Promise<ToolbarStatus>;
  /** toolbar.refresh: polls now (at most every 30 s) and says what happened. */
  refresh(): Promise<ToolbarStatus & { outcome: PollOutcome }>;
  /** The saved keys (empty unless the vault is unlocked). */
  keys(): Promise<HomeKey[]>;
  /** settings.pollMinutes, to tell when the data is stale. */
  pollMinutes(): Promise<number>;
  /** settings.set({ activeKeyId }): the key the popup and the badge follow. */
  setActiveKey(id: string): Promise<void>;
  /** Calls `listener` when the background stored a new poll, setting or vault change; returns the stop function. */
  watch?(listener: () => void): () => void;
}

/**
 * Following one stored value straight from storage.onChanged, without the storage library
 * (pages load this): no call when the value did not change, a removed value reads as
 * `undefined`, and `parse` checks every value (so one that does not fit reads as its default).
 */
type Change = { newValue?: unknown; oldValue?: unknown };

/** The part of a storage area (browser.storage.local / .session) a watch needs. */
export interface WatchedArea {
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

/** Calls `listener` with the parsed value of `key` whenever it changes; returns the function that stops it. */
export function watchStored<T>(area: WatchedArea, key: string, parse: (raw: unknown) => T, listener: (value: T) => void): () => void {
  const onChanged = (changes: Record<string, Change>) => {
    const change = changes[key];
    if (change == null || sameValue(change.newValue, change.oldValue)) return;
    listener(parse(change.newValue));
  };
  area.onChanged.addListener(onChanged);
  return () => area.onChanged.removeListener(onChanged);
}

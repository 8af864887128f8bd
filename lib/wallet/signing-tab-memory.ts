/**
 * What the extension remembers of its signing tab (storage.session, which survives a
 * service-worker restart): the tab's id and origin, the wallet the person connected there,
 * and the bridge whose hello passed the checks. Read back only when it parses and names
 * the same origin; a record of another origin (the settings changed) is ignored.
 */
import * as z from 'zod/mini';

const StoredSchema = z.strictObject({
  tabId: z.int().check(z.nonnegative()),
  origin: z.string(),
  /** The wallet (its EIP-6963 rdns, stable across page loads) the user connected, for a session that restarts. */
  wallet: z.optional(z.string().check(z.maxLength(100))),
  /** The bridge whose hello passed the checks, and the document it runs in (where the browser names one). */
  bridge: z.optional(z.strictObject({ id: z.string().check(z.regex(/^[0-9a-f]{32}$/)), documentId: z.optional(z.string().check(z.maxLength(100))) })),
});
export type StoredSigningTab = z.infer<typeof StoredSchema>;

/** The stored item that remembers the tab (lib/storage/items.ts `signingTab`, in storage.session). */
export interface SigningTabStore {
  getValue(): Promise<unknown>;
  setValue(value: StoredSigningTab): Promise<void>;
  removeValue(): Promise<void>;
}

export function createSigningTabMemory(store: SigningTabStore, origin: string) {
  async function remembered(): Promise<StoredSigningTab | undefined> {
    const parsed = StoredSchema.safeParse(await store.getValue());
    return parsed.success && parsed.data.origin === origin ? parsed.data : undefined;
  }
  /** Merges `patch` into the record; nothing is written until the record has a tab. */
  async function remember(patch: Partial<StoredSigningTab>): Promise<void> {
    const current = await remembered();
    const next = { ...(current ?? { origin }), ...patch, origin } as StoredSigningTab;
    if (next.tabId !== undefined) await store.setValue(next);
  }
  return { remembered, remember, forget: () => store.removeValue() };
}

/** Importing an existing key by pasting it: format check, a live check at Venice, then save. */
import { fail, type VaultContext } from './context';
import { cleanPastedKey, keyTypeOf } from './key-format';
import { requireDataKey, saveKey } from './key-ops';
import type { KeyMeta } from './record';

/**
 * Asks Venice about the key (GET /api_keys/rate_limits) and returns its expiry;
 * throws an AppError (AUTHENTICATION_FAILED, NETWORK_ERROR…) when it cannot vouch for it.
 */
export type CheckKey = (secret: string, apiBaseUrl: string) => Promise<{ expiresAt: string | null }>;

export interface ImportInput {
  secret: string;
  description?: string;
}

export async function importKey(ctx: VaultContext, checkKey: CheckKey, input: ImportInput): Promise<KeyMeta> {
  const secret = cleanPastedKey(input.secret);
  if (!keyTypeOf(secret)) fail('KEY_INVALID_FORMAT');
  await requireDataKey(ctx); // locked: say so before asking Venice anything
  const { apiBaseUrl } = await ctx.prefs();
  const { expiresAt } = await checkKey(secret, apiBaseUrl);
  const meta = { description: input.description ?? '', source: 'imported' as const, apiBaseUrl, expiresAt, limits: {} };
  return saveKey(ctx, meta, secret);
}

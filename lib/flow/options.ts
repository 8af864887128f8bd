/**
 * The options a person picks before minting, checked with the Venice client's own
 * body schema (the mint body without address, signature and token).
 */
import type { z } from 'zod';
import { MintKeyBodySchema } from '../venice/schemas';

export const MintOptionsSchema = MintKeyBodySchema.omit({ address: true, signature: true, token: true });
export type MintOptions = z.output<typeof MintOptionsSchema>;

/** The description Venice itself uses when none is sent. */
export const SERVER_DEFAULT_DESCRIPTION = 'Web3 API Key';

/** "Venice Key Wallet 2025-06-01": tells the person later which tool minted the key, and when. */
export function defaultDescription(now: number): string {
  return `Venice Key Wallet ${new Date(now).toISOString().slice(0, 10)}`;
}

/** INFERENCE by default: a leaf app almost never needs key management rights. */
export function defaultOptions(now: number): MintOptions {
  return { apiKeyType: 'INFERENCE', description: defaultDescription(now) };
}

export type OptionsResult = { ok: true; options: MintOptions } | { ok: false; problems: { field: string; reason: string }[] };

/** Checks options from a form; reports each refused field by name instead of throwing. */
export function checkOptions(input: unknown): OptionsResult {
  const parsed = MintOptionsSchema.safeParse(input);
  if (parsed.success) return { ok: true, options: parsed.data };
  return {
    ok: false,
    problems: parsed.error.issues.map((issue) => ({ field: issue.path.map(String).join('.') || '(options)', reason: issue.message })),
  };
}

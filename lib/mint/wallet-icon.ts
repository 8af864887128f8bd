/**
 * The wallet icon the flow keeps with its state (up to 20 wallets, in storage.session): a `data:`
 * image no larger than this. Zod-free, so both the schema (state.ts) and the popup's hand check
 * (state-check.ts) read the same two facts.
 */
export const WALLET_ICON_MAX = 16_000;
export const WALLET_ICON_PATTERN = /^data:image\/(?:svg\+xml|png|jpeg|webp|gif)[;,]/;

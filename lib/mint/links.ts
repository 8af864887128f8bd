/** Venice's pages the mint panel links to (kept apart from errors.ts, whose error helpers the popup does not load). */

/** Where a person checks which keys exist (Venice's API settings page). */
export const VENICE_KEYS_URL = 'https://venice.ai/settings/api';

/** Venice's own page for staking VVV (its token dashboard); not checked against the live site from here. */
export const VENICE_STAKING_URL = 'https://venice.ai/token';

/**
 * Whether a stored mint state means the wallet is being asked: the badge shows a grey "…"
 * and the popup says so. Apart from state.ts so the popup's first read (which checks no
 * mint schema) uses the same rule as the background.
 */
export const isWaitingForWallet = (state: unknown): boolean => {
  const status = typeof state === 'object' && state !== null ? (state as { status?: unknown }).status : undefined;
  return status === 'connecting' || status === 'awaiting-signature';
};

/**
 * Whether a stored mint state means the wallet is being asked: the badge shows a grey "…"
 * and the popup says so. Apart from state.ts so the popup's first read (which checks no
 * mint schema) uses the same rule as the background.
 */
export const isWaitingForWallet = (state: unknown): boolean =>
  ['connecting', 'awaiting-signature'].includes((state as { status?: string } | null)?.status as string);

/**
 * Which announced wallet a connect uses. A wallet is remembered by its EIP-6963 `rdns`
 * (the wallet's own reverse-DNS name): its `uuid` is new on every page load, so a
 * signing tab closed and opened again would no longer know it.
 *
 *   pickWallet(wallets, 'io.metamask')  // { use: MetaMask } when it is announced
 *
 * - the remembered wallet is announced: that one (an rdns, or a uuid of this page);
 * - nothing remembered: the first announced (the popup then offers the others);
 * - the remembered one is gone: the only wallet if there is one, else ask the person;
 * - no wallet at all: none (the one case for "install a wallet").
 */
export interface Announced {
  uuid: string;
  rdns: string;
}

export type WalletPick<W> = { use: W } | { ask: readonly W[] } | { none: true };

/** The stable name the flow remembers a wallet by. */
export const walletRef = (wallet: Announced): string => wallet.rdns;

export function pickWallet<W extends Announced>(wallets: readonly W[], remembered?: string): WalletPick<W> {
  const [first] = wallets;
  if (!first) return { none: true };
  // An rdns match first: a provider announcing another wallet's rdns as its uuid must not win over it.
  const known = wallets.find((w) => w.rdns === remembered) ?? wallets.find((w) => w.uuid === remembered);
  if (known) return { use: known };
  if (remembered === undefined || wallets.length === 1) return { use: first };
  return { ask: wallets };
}

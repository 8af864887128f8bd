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
 *
 * Look-alikes: any script of the page can announce a provider, under any name and rdns,
 * and announce it first. So when the wallet a pick would use shares its rdns or its name
 * with another announced wallet, nothing is chosen silently: the answer is `ask`, with
 * `lookAlike`, and only a uuid of this page (a choice the person made among them) picks one.
 */
export interface Announced {
  uuid: string;
  rdns: string;
  name?: string;
}

export type WalletPick<W> = { use: W } | { ask: readonly W[]; lookAlike?: true } | { none: true };

/** The stable name the flow remembers a wallet by. */
export const walletRef = (wallet: Announced): string => wallet.rdns;

const sameName = (a?: string, b?: string) => a !== undefined && b !== undefined && a.trim().toLowerCase() === b.trim().toLowerCase();

/** True when another announced wallet claims the same rdns or the same name as `wallet`. */
export function hasLookAlike(wallets: readonly Announced[], wallet: Announced): boolean {
  return wallets.some((other) => other !== wallet && other.uuid !== wallet.uuid && (other.rdns === wallet.rdns || sameName(other.name, wallet.name)));
}

export function pickWallet<W extends Announced>(wallets: readonly W[], remembered?: string): WalletPick<W> {
  const [first] = wallets;
  if (!first) return { none: true };
  // An rdns match first: a provider announcing another wallet's rdns as its uuid must not win over it.
  const byRdns = wallets.find((w) => w.rdns === remembered);
  const byUuid = byRdns ? undefined : wallets.find((w) => w.uuid === remembered);
  // A uuid of this page is the person's explicit choice, made among the look-alikes.
  if (byUuid) return { use: byUuid };
  const candidate = byRdns ?? (remembered === undefined || wallets.length === 1 ? first : undefined);
  if (!candidate) return { ask: wallets };
  return hasLookAlike(wallets, candidate) ? { ask: wallets, lookAlike: true } : { use: candidate };
}

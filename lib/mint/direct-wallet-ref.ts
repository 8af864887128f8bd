/**
 * How the mint flow names the direct MetaMask among its wallet choices: no EIP-6963 rdns of
 * a page can take this id, so the flow (and the popup's wallet choice) can tell the direct
 * connection (entrypoints/background/direct-port.ts) from a wallet in the signing tab.
 */
export const DIRECT_WALLET_REF = 'direct:metamask';

/**
 * Offered beside the direct MetaMask: "another wallet", found in the signing tab. Choosing it
 * connects through the tab (its EIP-6963 wallets are listed then, after the direct MetaMask).
 */
export const TAB_WALLETS_REF = 'tab:any';

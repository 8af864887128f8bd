/**
 * Where the direct path looks for MetaMask: its published extension ids (the list
 * @metamask/providers keeps in external-extension-config.json), stable first. Chrome ids
 * are store ids; Firefox ids are the add-on ids MetaMask declares in its manifest.
 *
 * Test builds (the sandbox mode) may put other ids first through `VITE_DIRECT_WALLET_IDS`
 * (comma-separated; see wxt.config.ts), so the e2e finds the test double under test/wallets
 * as it would find MetaMask. A production build ignores it: `directWalletIds(browser, build)`
 * only reads the override when `build.testIds` is true.
 */
export type DirectBrowser = 'chrome' | 'firefox';

export interface DirectWalletId {
  id: string;
  /** Shown in the wallet choice. */
  name: string;
}

export const METAMASK_IDS: Record<DirectBrowser, readonly DirectWalletId[]> = {
  chrome: [
    { id: 'nkbihfbeogaeaoehlefnkodbefgpgknn', name: 'MetaMask' },
    { id: 'pbbkamfgmaedccnfkmjcofcecjhfgldn', name: 'MetaMask Beta' },
    { id: 'ljfoeinjpaedjfecbmggjgodbgkmjkjk', name: 'MetaMask Flask' },
  ],
  firefox: [
    { id: 'webextension@metamask.io', name: 'MetaMask' },
    { id: 'webextension-beta@metamask.io', name: 'MetaMask Beta' },
    { id: 'webextension-flask@metamask.io', name: 'MetaMask Flask' },
  ],
};

/** A Chrome extension id (32 letters a-p) or a Firefox add-on id (an email-like or a {uuid}). */
const ID_PATTERN = /^(?:[a-p]{32}|[\w.+-]{1,80}@[\w.-]{1,80}|\{[0-9a-f-]{36}\})$/i;

/** The ids to try, in order. `override` (test builds only) goes first, each id checked. */
export function directWalletIds(browser: DirectBrowser, build: { testIds: boolean; override?: string }): DirectWalletId[] {
  const published = [...METAMASK_IDS[browser]];
  if (!build.testIds || !build.override) return published;
  const extra = build.override
    .split(',')
    .map((id) => id.trim())
    .filter((id) => ID_PATTERN.test(id))
    .map((id) => ({ id, name: 'MetaMask (test)' }));
  return [...extra, ...published];
}

import type { WxtBrowser } from 'wxt/browser';

/** The parts of the WebExtension API the wallet session uses (tests pass WXT's fakeBrowser). */
export type WalletBrowser = Pick<WxtBrowser, 'runtime' | 'tabs' | 'scripting' | 'windows' | 'permissions'>;

// Where things are, in one place: the built extensions, the browsers, artifacts.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const OUTPUT_DIR = path.join(ROOT, '.output');
/** `wxt build --mode sandbox` writes here. */
export const CHROME_SANDBOX_DIR = path.join(OUTPUT_DIR, 'chrome-mv3-sandbox');
/** `wxt build -b firefox --mode sandbox` writes here. */
export const FIREFOX_SANDBOX_DIR = path.join(OUTPUT_DIR, 'firefox-mv3-sandbox');
export const ARTIFACTS_DIR = path.join(ROOT, 'artifacts');

export const CHROMIUM_PATH = '/usr/bin/chromium';
export const FIREFOX_PATH = '/usr/bin/firefox-esr';

/** browser_specific_settings.gecko.id in wxt.config.ts. */
export const GECKO_ID = 'venice-key-wallet@extension';
/** Pinned through the `extensions.webextensions.uuids` pref, so moz-extension:// URLs are known up front. */
export const FIREFOX_EXTENSION_UUID = '6a1f3c52-8d0e-4b7a-9c21-5e4d3b2a1f00';

/** The size a browser gives an action popup at most is 800x600; ours is designed at 380 wide. */
export const POPUP_VIEWPORT = { width: 380, height: 600 } as const;

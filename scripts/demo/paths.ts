// Where the demo keeps its things: all under .sandbox/ and artifacts/ (both gitignored).
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const BUILD_DIR = path.join(ROOT, '.output', 'chrome-mv3-sandbox');
export const SANDBOX_DIR = path.join(ROOT, '.sandbox');
/** The sandbox's API state (JWT secret, accounts, key records without secrets), kept across runs. */
export const STATE_FILE = path.join(SANDBOX_DIR, 'demo-state.json');
/** The demo's own copy of the build (see extension-copy.ts). */
export const EXTENSION_DIR = path.join(SANDBOX_DIR, 'demo-extension');
/** Chromium's profile, made fresh on every run. */
export const PROFILE_DIR = path.join(SANDBOX_DIR, 'demo-profile');
export const SCREENSHOT_FILE = path.join(ROOT, 'artifacts', 'demo-popup.png');
export const SAVED_SCREENSHOT_FILE = path.join(ROOT, 'artifacts', 'demo-popup-saved.png');
export const CHROMIUM_PATH = '/usr/bin/chromium';

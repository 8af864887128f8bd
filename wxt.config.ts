import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { popupOneFile } from './scripts/vite/popup-one-file';

// One source tree, two browsers. `--mode sandbox` adds the local sandbox
// (127.0.0.1, any port) to the hosts the extension may reach.
const VENICE_API = 'https://api.venice.ai/*';
const VENICE_WEB = 'https://venice.ai/*';
const BASE_RPC = 'https://mainnet.base.org/*';
const SANDBOX = 'http://127.0.0.1/*';
const DIRECT_TEST_WALLET_IDS = 'neimhdmkbijgkelgpmfbkhilfmghphai,metamask-double@test.invalid';

// zod probes `new Function` for a JIT fast path. An extension's CSP forbids eval,
// so the probe always fails there; taking the constructor out keeps that outcome
// and keeps eval out of the code AMO reviews (web-ext lint: DANGEROUS_EVAL).
const zodWithoutEval = {
  name: 'zod-without-eval',
  transform(code: string, id: string) {
    if (!/[\\/]node_modules[\\/]zod[\\/]/.test(id) || !code.includes('const F = Function;')) return null;
    return { code: code.replaceAll('const F = Function;', 'const F = undefined;'), map: null };
  },
};

export default defineConfig({
  modules: ['@wxt-dev/i18n/module'],
  imports: false,
  // The bench's breakdown builds with source maps into its own folder (see test/bench/breakdown.ts).
  ...(process.env.SIZE_SOURCEMAP ? { outDir: '.output/breakdown' } : {}),
  manifestVersion: 3,
  vite: ({ command, mode }) => {
    // Every build ships production JSX, `--mode sandbox` included (it differs by one host
    // only): with a mode other than production, Vite would compile development JSX and
    // the Preact preset would add its debug hooks. `wxt dev` keeps both.
    const dev = command === 'serve';
    return {
      oxc: { jsx: { development: dev } },
      plugins: [preact({ devToolsEnabled: dev }), zodWithoutEval, popupOneFile()],
      // Extension pages support <link rel="modulepreload">; no polyfill.
      // `SIZE_SOURCEMAP=1` (the bench's breakdown) adds hidden source maps; store builds have none.
      build: { modulePreload: { polyfill: false }, sourcemap: process.env.SIZE_SOURCEMAP ? 'hidden' : false },
      // Sandbox (test) builds look for the MetaMask test double (test/wallets/metamask-double/identity.ts)
      // before MetaMask's own ids; other builds know only MetaMask's (lib/wallet/direct/metamask-ids.ts).
      define: { 'import.meta.env.VITE_DIRECT_WALLET_IDS': JSON.stringify(mode === 'sandbox' ? DIRECT_TEST_WALLET_IDS : '') },
    };
  },
  // `npm run zip` (scripts/zip.ts): store zips plus, for AMO, the sources a reviewer
  // rebuilds from. WXT already leaves out node_modules, dot-folders and .output.
  zip: {
    excludeSources: ['test/**', 'artifacts/**', '.sandbox/**', 'test-results/**', '**/*.log'],
  },
  manifest: ({ browser, mode }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // clipboardRead and clipboardWrite: after the delay the background reads the clipboard and
    // clears it only if it still holds the key it copied, with no gesture and the popup closed.
    // Required, not optional: the default (clear after 30 s) then works for everyone, and an
    // optional prompt could not be answered in Chrome's headless tests. Chrome does it from an
    // offscreen document (reason CLIPBOARD), Firefox from its event page.
    permissions: ['storage', 'alarms', 'scripting', 'clipboardRead', 'clipboardWrite', ...(browser === 'firefox' ? [] : ['offscreen'])],
    // Asked for at run time: notifications from the options page when a switch is turned on.
    optional_permissions: ['notifications'],
    host_permissions: [VENICE_API, VENICE_WEB, BASE_RPC, ...(mode === 'sandbox' ? [SANDBOX] : [])],
    // No optional hosts: a build uses only the hosts above (lib/settings/build-policy.ts).
    action: { default_title: '__MSG_extName__' },
    ...(browser === 'firefox'
      ? {}
      : {
          // 120: URL.canParse (lib/wallet/signing-tab.ts); it also covers the offscreen document
          // (109), action.setBadgeTextColor (110) and scripting world MAIN (102).
          minimum_chrome_version: '120',
        }),
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'venice-key-wallet@extension',
              // 140: data_collection_permissions (built-in consent); it also covers
              // scripting world MAIN (128) and storage.session (115).
              strict_min_version: '140.0',
              // What leaves the browser: the wallet address, signed token and API key
              // (authenticationInfo, sent to Venice), and balance queries about the
              // wallet and the key (financialAndPaymentInfo, to Base RPC and Venice).
              data_collection_permissions: { required: ['authenticationInfo', 'financialAndPaymentInfo'] },
            },
            // Firefox for Android shows the built-in consent from 142.
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});

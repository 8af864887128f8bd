import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// One source tree, two browsers. `--mode sandbox` adds the local sandbox
// (127.0.0.1, any port) to the hosts the extension may reach.
const VENICE_API = 'https://api.venice.ai/*';
const VENICE_WEB = 'https://venice.ai/*';
const BASE_RPC = 'https://mainnet.base.org/*';
const SANDBOX = 'http://127.0.0.1/*';

export default defineConfig({
  modules: ['@wxt-dev/i18n/module'],
  imports: false,
  manifestVersion: 3,
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ browser, mode }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage', 'alarms', 'scripting'],
    host_permissions: [VENICE_API, VENICE_WEB, BASE_RPC, ...(mode === 'sandbox' ? [SANDBOX] : [])],
    action: { default_title: '__MSG_extName__' },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'venice-key-wallet@extension',
              strict_min_version: '128.0',
            },
          },
        }
      : {}),
  }),
});

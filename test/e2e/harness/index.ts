// The e2e harness: everything an end-to-end test needs, from one import.
export { launchChromium, openPopup, unpackedExtensionId, chromiumArgs } from './chromium';
export type { ChromiumHarness, LaunchChromiumOptions } from './chromium';
export { launchFirefox, gotoExtensionUrl } from './firefox';
export type { FirefoxHarness, LaunchFirefoxOptions } from './firefox';
export { startSandboxForTest } from './sandbox';
export type { Sandbox, SandboxOptions } from './sandbox';
export {
  autoApproveSandboxWallet,
  launchChromiumWithSandbox,
  openIdlePopup,
  openPopupReadyToMint,
  pointAtSandbox,
  sendMessage,
  setUpVault,
} from './popup-fixture';
export { screenshot } from './screenshot';
export { pageErrorsOf } from './page-errors';
export type { Badge, StorageArea } from './types';
export * from './paths';
export { expectedExtensionName } from './expected';

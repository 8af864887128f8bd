/**
 * The onboarding tab (entrypoints/welcome/): opened once, when the extension is installed
 * (not on an update or a browser update). A tab, not the popup, because a wallet's window
 * closes the popup; the tab stays while the person answers the wallet and shows the key.
 */
interface WelcomeBrowser {
  runtime: {
    onInstalled: { addListener(listener: (details: { reason: string }) => void): void };
    getURL(path: '/welcome.html'): string;
  };
  tabs: { create(properties: { url: string }): Promise<unknown> };
}

export const WELCOME_PATH = '/welcome.html';

/** Adds the listener now (the worker's first run after install delivers onInstalled to it). A tab that fails to open costs nothing: the popup leads too. */
export function openWelcomeOnInstall(browser: WelcomeBrowser): void {
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason === 'install') browser.tabs.create({ url: browser.runtime.getURL(WELCOME_PATH) }).catch(() => undefined);
  });
}

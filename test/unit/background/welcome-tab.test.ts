// The onboarding tab opens on install only: not on an update, a browser update or a shared-module update.
import { describe, expect, it, vi } from 'vitest';
import { openWelcomeOnInstall } from '../../../entrypoints/background/welcome-tab';

function fakeBrowser() {
  let listener: ((details: { reason: string }) => void) | undefined;
  const create = vi.fn(async (_: { url: string }) => ({}));
  const browser = {
    runtime: {
      onInstalled: { addListener: (l: (details: { reason: string }) => void) => void (listener = l) },
      getURL: (path: string) => `chrome-extension://abc${path}`,
    },
    tabs: { create },
  };
  return { browser, create, fire: (reason: string) => listener?.({ reason }) };
}

describe('openWelcomeOnInstall', () => {
  it.each(['update', 'chrome_update', 'browser_update', 'shared_module_update'])('opens nothing on %s', (reason) => {
    const { browser, create, fire } = fakeBrowser();
    openWelcomeOnInstall(browser);
    fire(reason);
    expect(create).not.toHaveBeenCalled();
  });

  it('opens welcome.html once on install', () => {
    const { browser, create, fire } = fakeBrowser();
    openWelcomeOnInstall(browser);
    fire('install');
    expect(create.mock.calls).toEqual([[{ url: 'chrome-extension://abc/welcome.html' }]]);
  });
});

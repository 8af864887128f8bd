// The harness works in Firefox ESR: the built sandbox extension installs over
// WebDriver BiDi, its background runs, its popup renders.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectedExtensionName, launchFirefox, pageErrorsOf, screenshot, type FirefoxHarness } from './harness/index';

interface BrowserLike {
  browser: {
    management: { getSelf(): Promise<{ name: string; id: string; installType: string }> };
    runtime: { getManifest(): { manifest_version: number; host_permissions?: string[] } };
    storage: { local: { set(items: object): Promise<void> } };
    tabs: { getCurrent(): Promise<{ id: number } | undefined> };
    action: {
      setBadgeText(d: { tabId?: number; text: string }): Promise<void>;
      setBadgeBackgroundColor(d: { tabId?: number; color: number[] }): Promise<void>;
      setTitle(d: { tabId?: number; title: string }): Promise<void>;
    };
  };
}

describe('Firefox ESR loads the built sandbox extension', () => {
  let h: FirefoxHarness;
  beforeAll(async () => {
    h = await launchFirefox();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('has its background page alive', async () => {
    expect(await h.backgroundAlive()).toBe(true);
  });

  it('renders the popup root element at the pinned moz-extension origin', async () => {
    const popup = await h.openPopup();
    await popup.waitForSelector('#app > *', { visible: true });
    const seen = await popup.evaluate(async () => {
      const { browser } = globalThis as unknown as BrowserLike;
      const self = await browser.management.getSelf();
      return {
        href: location.href,
        text: document.querySelector('#app')?.textContent ?? '',
        name: self.name,
        id: self.id,
        mv: browser.runtime.getManifest().manifest_version,
        hosts: browser.runtime.getManifest().host_permissions ?? [],
        width: innerWidth,
        // The page's styles are inline (scripts/vite/popup-one-file.ts): applied under Firefox's CSP?
        accent: getComputedStyle(document.documentElement).getPropertyValue('--accent').trim(),
        fontSize: getComputedStyle(document.documentElement).fontSize,
      };
    });
    expect(seen.href).toBe(h.url('popup.html'));
    expect(seen.text).not.toBe('');
    expect(seen.name).toBe(expectedExtensionName());
    expect(seen.id).toBe('venice-key-wallet@extension');
    expect(seen.mv).toBe(3);
    expect(seen.hosts).toContain('http://127.0.0.1/*');
    expect(seen.width).toBe(380);
    expect(seen.accent).toMatch(/^#[0-9a-f]{6}$/i);
    expect(seen.fontSize).toBe('14px');
    expect(await pageErrorsOf(popup)).toEqual([]);
    await screenshot(popup, 'firefox-popup');
    // The recorder does catch an uncaught error, so the check above can fail.
    await popup.evaluate(() => void setTimeout(() => { throw new Error('harness probe'); }));
    await expect.poll(() => pageErrorsOf(popup)).toEqual(['harness probe']);
    // What the popup wrote is visible to dumpStorage from another extension document.
    await popup.evaluate(() => (globalThis as unknown as BrowserLike).browser.storage.local.set({ harnessProbe: 7 }));
    expect(await h.dumpStorage('local')).toMatchObject({ harnessProbe: 7 });
    await popup.close();
  });

  it('readBadge reads a tab\'s text, colour and title', async () => {
    // A tab of its own, so the background's global badge updates cannot race this check.
    const page = await h.openExtensionPage('manifest.json');
    const tabId = await page.evaluate(async () => {
      const { browser } = globalThis as unknown as BrowserLike;
      const tab = await browser.tabs.getCurrent();
      await browser.action.setBadgeText({ tabId: tab!.id, text: 'e2e' });
      await browser.action.setBadgeBackgroundColor({ tabId: tab!.id, color: [1, 2, 3, 255] });
      await browser.action.setTitle({ tabId: tab!.id, title: 'harness title' });
      return tab!.id;
    });
    expect(await h.readBadge(tabId)).toEqual({ text: 'e2e', color: [1, 2, 3, 255], title: 'harness title' });
    await page.close();
  });
});

// The harness works in Firefox ESR: the built sandbox extension installs over
// WebDriver BiDi, its background runs, its popup renders.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectedExtensionName, launchFirefox, pageErrorsOf, screenshot, type FirefoxHarness } from './harness/index';

interface BrowserLike {
  browser: {
    management: { getSelf(): Promise<{ name: string; id: string; installType: string }> };
    runtime: { getManifest(): { manifest_version: number; host_permissions?: string[] } };
    storage: { local: { set(items: object): Promise<void> } };
    action: { setBadgeText(d: { text: string }): Promise<void> };
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
      };
    });
    expect(seen.href).toBe(h.url('popup.html'));
    expect(seen.text).not.toBe('');
    expect(seen.name).toBe(expectedExtensionName());
    expect(seen.id).toBe('venice-key-wallet@extension');
    expect(seen.mv).toBe(3);
    expect(seen.hosts).toContain('http://127.0.0.1/*');
    expect(seen.width).toBe(380);
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

  it('reads the toolbar button through readBadge', async () => {
    const before = await h.readBadge();
    const page = await h.openExtensionPage('manifest.json');
    const setText = (text: string) =>
      page.evaluate((t) => (globalThis as unknown as BrowserLike).browser.action.setBadgeText({ text: t }), text);
    await setText('e2e');
    const badge = await h.readBadge();
    expect(badge.text).toBe('e2e');
    expect(badge.color).toHaveLength(4);
    expect(badge.title).toBe(before.title);
    await setText(before.text);
    await page.close();
  });
});

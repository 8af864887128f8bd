// The harness works in Chromium: the built sandbox extension loads, its worker
// runs, its popup renders, and the harness's own helpers do what they say.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectedExtensionName, launchChromium, pageErrorsOf, screenshot, type ChromiumHarness } from './harness/index';

interface ChromeLike {
  chrome: {
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

describe('Chromium loads the built sandbox extension', () => {
  let h: ChromiumHarness;
  beforeAll(async () => {
    h = await launchChromium();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('runs its service worker from the extension origin', async () => {
    const worker = await h.getServiceWorker();
    expect(worker.url()).toBe(`chrome-extension://${h.extensionId}/background.js`);
    const self = await worker.evaluate(async () => {
      const { chrome } = globalThis as unknown as ChromeLike;
      const info = await chrome.management.getSelf();
      const manifest = chrome.runtime.getManifest();
      return { ...info, mv: manifest.manifest_version, hosts: manifest.host_permissions ?? [] };
    });
    expect(self.id).toBe(h.extensionId);
    expect(self.installType).toBe('development');
    expect(self.name).toBe(expectedExtensionName());
    expect(self.mv).toBe(3);
    expect(self.hosts).toContain('http://127.0.0.1/*');
  });

  it('renders the popup root element without page errors', async () => {
    const popup = await h.openPopup();
    await popup.locator('#app > *').first().waitFor({ state: 'visible' });
    expect(await popup.locator('#app').innerText()).not.toBe('');
    expect(popup.viewportSize()).toEqual({ width: 380, height: 600 });
    // The page's styles are inline (scripts/vite/popup-one-file.ts) and apply under the extension's CSP.
    const style = await popup.evaluate(() => ({
      accent: getComputedStyle(document.documentElement).getPropertyValue('--accent').trim(),
      fontSize: getComputedStyle(document.documentElement).fontSize,
    }));
    expect(style.accent).toMatch(/^#[0-9a-f]{6}$/i);
    expect(style.fontSize).toBe('14px');
    expect(await pageErrorsOf(popup)).toEqual([]);
    await screenshot(popup, 'chromium-popup');
    // The recorder does catch an uncaught error, so the check above can fail.
    await popup.evaluate(() => setTimeout(() => { throw new Error('harness probe'); }));
    await expect.poll(() => pageErrorsOf(popup)).toEqual(['harness probe']);
    await popup.close();
  });

  it('stopServiceWorker kills the worker and getServiceWorker starts a fresh one', async () => {
    const before = await h.getServiceWorker();
    await before.evaluate(() => {
      (globalThis as Record<string, unknown>).__harnessMarker = 'still the old worker';
    });
    await h.stopServiceWorker();
    const after = await h.getServiceWorker();
    expect(await after.evaluate(() => (globalThis as Record<string, unknown>).__harnessMarker ?? 'fresh')).toBe('fresh');
  });

  it('dumpStorage reads what the extension stored', async () => {
    const worker = await h.getServiceWorker();
    await worker.evaluate(async () => {
      await (globalThis as unknown as ChromeLike).chrome.storage.local.set({ harnessProbe: { n: 1 } });
    });
    expect(await h.dumpStorage('local')).toMatchObject({ harnessProbe: { n: 1 } });
  });

  it('readBadge reads a tab\'s text, colour and title', async () => {
    // A tab of its own, so the background's global badge updates cannot race this check.
    const page = await h.openExtensionPage('manifest.json');
    const tabId = await page.evaluate(async () => {
      const { chrome } = globalThis as unknown as ChromeLike;
      const tab = await chrome.tabs.getCurrent();
      await chrome.action.setBadgeText({ tabId: tab!.id, text: 'e2e' });
      await chrome.action.setBadgeBackgroundColor({ tabId: tab!.id, color: [1, 2, 3, 255] });
      await chrome.action.setTitle({ tabId: tab!.id, title: 'harness title' });
      return tab!.id;
    });
    expect(await h.readBadge(tabId)).toEqual({ text: 'e2e', color: [1, 2, 3, 255], title: 'harness title' });
    await page.close();
  });
});

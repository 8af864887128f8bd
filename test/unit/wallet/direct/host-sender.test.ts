// The direct host serves the background only: not our content script in a venice.ai tab (same
// extension id), not another extension, not an extension page shown in a tab.
import { describe, expect, it } from 'vitest';
import { isBackgroundSender } from '../../../../lib/wallet/direct/host-sender';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const ORIGIN = `chrome-extension://${ID}/`;

describe('the direct host port sender check', () => {
  it("accepts Chrome's service worker and Firefox's event page", () => {
    expect(isBackgroundSender({ id: ID, url: `${ORIGIN}background.js` }, ID, ORIGIN)).toBe(true);
    const moz = 'moz-extension://8f1c2f7e-0000-4000-8000-000000000001/';
    expect(isBackgroundSender({ id: ID, url: `${moz}_generated_background_page.html` }, ID, moz)).toBe(true);
  });
  it('refuses our content script in a page, another extension, an extension page in a tab, and no sender', () => {
    expect(isBackgroundSender({ id: ID, url: 'https://venice.ai/404', tab: { id: 4 } }, ID, ORIGIN)).toBe(false);
    expect(isBackgroundSender({ id: ID, url: 'https://venice.ai/404' }, ID, ORIGIN)).toBe(false);
    expect(isBackgroundSender({ id: 'other', url: 'chrome-extension://other/background.js' }, ID, ORIGIN)).toBe(false);
    expect(isBackgroundSender({ id: ID, url: `${ORIGIN}popup.html`, tab: { id: 9 } }, ID, ORIGIN)).toBe(false);
    expect(isBackgroundSender({ id: ID }, ID, ORIGIN)).toBe(false);
    expect(isBackgroundSender(undefined, ID, ORIGIN)).toBe(false);
  });
});

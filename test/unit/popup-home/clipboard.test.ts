import { describe, expect, it } from 'vitest';
import { copyAndClearLater } from '../../../entrypoints/popup/clipboard';
import { fakePermissions } from '../settings/fake-permissions';

function fakeClipboard() {
  let content = '';
  return {
    get content() { return content; },
    set content(v: string) { content = v; },
    writeText: async (text: string) => { content = text; },
    readText: async () => content,
  };
}

/** A popup over a fake browser.permissions that would grant a request made in the click. */
function setup(options: Parameters<typeof fakePermissions>[0] = {}) {
  const permissions = fakePermissions(options);
  const scheduled: Array<[() => void, number]> = [];
  const schedule = (fn: () => void, ms: number) => scheduled.push([fn, ms]);
  const clipboard = fakeClipboard();
  /** One Copy click: copyAndClearLater starts inside the gesture, as from a click handler. */
  const copy = (text: string, seconds = 30) => permissions.gesture(() => copyAndClearLater(clipboard, text, seconds, { permissions, schedule }));
  return { permissions, clipboard, scheduled, copy };
}
const settle = () => new Promise((r) => setTimeout(r, 0));

describe('Copy and clipboardRead', () => {
  it('never asks for the permission, even inside the click: without it, copies and says clearing needs it', async () => {
    const { permissions, clipboard, scheduled, copy } = setup();
    await expect(copy('KEY')).resolves.toBe('copied-needs-permission');
    await expect(copy('KEY', 5)).resolves.toBe('copied-needs-permission');
    expect(clipboard.content).toBe('KEY');
    expect(permissions.requests).toEqual([]);
    expect(permissions.held.has('clipboardRead')).toBe(false);
    expect(scheduled).toEqual([]);
  });

  it('with the permission held, clears after the delay only if the clipboard still holds the key', async () => {
    const { permissions, clipboard, scheduled, copy } = setup({ granted: ['clipboardRead'] });
    await expect(copy('KEY-1')).resolves.toBe('copied-will-clear');
    expect(scheduled[0]![1]).toBe(30_000);
    scheduled[0]![0]();
    await settle();
    expect(clipboard.content).toBe('');

    await expect(copy('KEY-2', 5)).resolves.toBe('copied-will-clear');
    expect(scheduled[1]![1]).toBe(5_000);
    clipboard.content = 'my shopping list';
    scheduled[1]![0]();
    await settle();
    expect(clipboard.content).toBe('my shopping list');
    expect(permissions.requests).toEqual([]);
  });

  it('clears from the next copy on once the permission was granted elsewhere (the options page)', async () => {
    const { permissions, scheduled, copy } = setup();
    await expect(copy('KEY')).resolves.toBe('copied-needs-permission');
    permissions.held.add('clipboardRead');
    await expect(copy('KEY')).resolves.toBe('copied-will-clear');
    expect(scheduled).toHaveLength(1);
  });

  it('says plainly that nothing is cleared when the delay is 0, whatever is held', async () => {
    for (const granted of [[], ['clipboardRead']]) {
      const { clipboard, scheduled, copy } = setup({ granted });
      await expect(copy('KEY', 0)).resolves.toBe('copied-no-clear');
      expect(clipboard.content).toBe('KEY');
      expect(scheduled).toEqual([]);
    }
  });

  it('copies even when the permissions API throws outright, and promises no clearing', async () => {
    const clipboard = fakeClipboard();
    const permissions = { contains: () => { throw new Error('permissions is not available here'); } };
    await expect(copyAndClearLater(clipboard, 'KEY', 30, { permissions, schedule: () => 0 })).resolves.toBe('copied-needs-permission');
    expect(clipboard.content).toBe('KEY');
  });
});

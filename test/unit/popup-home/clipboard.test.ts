import { describe, expect, it } from 'vitest';
import { clipboardReadAsker, copyAndClearLater } from '../../../entrypoints/popup/clipboard';
import { fakePermissions } from '../settings/fake-permissions';

function fakeClipboard(log: string[] = []) {
  let content = '';
  return {
    get content() { return content; },
    set content(v: string) { content = v; },
    writeText: async (text: string) => { log.push(`write:${text}`); content = text; },
    readText: async () => content,
  };
}

/** A popup's asker over a fake browser.permissions that logs each request. */
function setup(options: Parameters<typeof fakePermissions>[0] = {}) {
  const log: string[] = [];
  const permissions = fakePermissions(options);
  const request = permissions.request.bind(permissions);
  permissions.request = (req) => { log.push('request'); return request(req); };
  const canRead = clipboardReadAsker(permissions);
  const scheduled: Array<[() => void, number]> = [];
  const schedule = (fn: () => void, ms: number) => scheduled.push([fn, ms]);
  const clipboard = fakeClipboard(log);
  /** One Copy click: copyAndClearLater starts inside the gesture, as from a click handler. */
  const copy = (text: string, seconds = 30) => permissions.gesture(() => copyAndClearLater(clipboard, text, seconds, { canRead, schedule }));
  return { log, permissions, clipboard, scheduled, copy };
}
const settle = () => new Promise((r) => setTimeout(r, 0));

describe('clipboardRead from the Copy click', () => {
  it('asks on the first copy, then clears after the delay only if the clipboard still holds the key', async () => {
    const { permissions, clipboard, scheduled, copy, log } = setup();
    await expect(copy('KEY-1')).resolves.toBe('copied-will-clear');
    expect(log).toEqual(['write:KEY-1', 'request']); // the write starts first, the request in the same turn
    expect(permissions.prompts).toEqual([['clipboardRead']]);
    expect(scheduled[0]![1]).toBe(30_000);
    scheduled[0]![0]();
    await settle();
    expect(clipboard.content).toBe('');

    await expect(copy('KEY-2', 5)).resolves.toBe('copied-will-clear');
    expect(permissions.requests).toHaveLength(1); // asked once per popup
    clipboard.content = 'my shopping list';
    scheduled[1]![0]();
    await settle();
    expect(clipboard.content).toBe('my shopping list');
  });

  it('says once that it was not allowed, then never asks again in this popup and clears nothing', async () => {
    const { permissions, clipboard, scheduled, copy } = setup();
    permissions.answer = 'deny';
    await expect(copy('KEY')).resolves.toBe('copied-not-allowed');
    expect(clipboard.content).toBe('KEY');
    await expect(copy('KEY')).resolves.toBe('copied-no-clear');
    expect(permissions.prompts).toHaveLength(1);
    expect(permissions.requests).toHaveLength(1);
    expect(scheduled).toEqual([]);
  });

  it('asks nothing when the delay is 0 (never clear)', async () => {
    const { permissions, clipboard, scheduled, copy } = setup();
    await expect(copy('KEY', 0)).resolves.toBe('copied-no-clear');
    expect(clipboard.content).toBe('KEY');
    expect(permissions.requests).toEqual([]);
    expect(scheduled).toEqual([]);
  });

  it('needs no prompt when the permission is already held', async () => {
    const { permissions, copy } = setup({ granted: ['clipboardRead'] });
    await expect(copy('KEY')).resolves.toBe('copied-will-clear');
    expect(permissions.prompts).toEqual([]);
  });

  it('degrades when the request is not made inside the click (Firefox after an await): copies, clears nothing', async () => {
    const { permissions, clipboard, scheduled } = setup();
    const canRead = clipboardReadAsker(permissions);
    const schedule = (fn: () => void, ms: number) => scheduled.push([fn, ms]);
    await expect(copyAndClearLater(clipboard, 'KEY', 30, { canRead, schedule })).resolves.toBe('copied-no-clear');
    expect(clipboard.content).toBe('KEY');
    expect(permissions.prompts).toEqual([]);
    expect(scheduled).toEqual([]);
  });

  it('clears once the permission was granted elsewhere (the add-on manager), even without a gesture', async () => {
    const permissions = fakePermissions({ granted: ['clipboardRead'] });
    const canRead = clipboardReadAsker(permissions);
    await expect(canRead()).resolves.toBe(true);
  });

  it('copies even when the permissions API throws outright', async () => {
    const canRead = clipboardReadAsker({
      request: () => { throw new Error('permissions.request may only be called from a user input handler'); },
      contains: () => Promise.reject(new Error('no')),
    });
    const clipboard = fakeClipboard();
    await expect(copyAndClearLater(clipboard, 'KEY', 30, { canRead, schedule: () => 0 })).resolves.toBe('copied-no-clear');
    expect(clipboard.content).toBe('KEY');
  });
});

import { describe, expect, it } from 'vitest';
import { clearIfStill, copyAndClearLater } from '../../../entrypoints/popup/clipboard';

function fakeClipboard(readable = true) {
  let content = '';
  return {
    get content() { return content; },
    set content(v: string) { content = v; },
    writeText: async (text: string) => { content = text; },
    readText: async () => { if (!readable) throw new DOMException('Read permission denied.', 'NotAllowedError'); return content; },
  };
}

/** browser.permissions.contains answering for clipboardRead. */
const held = (answer: boolean) => ({ contains: async () => answer });

describe('clipboard clearing', () => {
  it('clears after the delay when the clipboard still holds the key', async () => {
    const clipboard = fakeClipboard();
    const scheduled: Array<[() => void, number]> = [];
    const options = { permissions: held(true), schedule: (fn: () => void, ms: number) => scheduled.push([fn, ms]) };
    await expect(copyAndClearLater(clipboard, 'KEY', 30, options)).resolves.toBe('copied-will-clear');
    expect(clipboard.content).toBe('KEY');
    expect(scheduled[0]![1]).toBe(30_000);
    scheduled[0]![0]();
    await new Promise((r) => setTimeout(r, 0));
    expect(clipboard.content).toBe('');
  });

  it('leaves something the person copied since alone', async () => {
    const clipboard = fakeClipboard();
    await clipboard.writeText('KEY');
    clipboard.content = 'my shopping list';
    await expect(clearIfStill(clipboard, 'KEY')).resolves.toBe(false);
    expect(clipboard.content).toBe('my shopping list');
  });

  it('does not clear blindly when reading the clipboard is refused', async () => {
    const clipboard = fakeClipboard(false);
    await clipboard.writeText('KEY');
    await expect(clearIfStill(clipboard, 'KEY')).resolves.toBe(false);
    expect(clipboard.content).toBe('KEY');
  });

  it('does not schedule anything with a delay of 0 (never clear)', async () => {
    const scheduled: unknown[] = [];
    const options = { permissions: held(true), schedule: (fn: () => void) => scheduled.push(fn) };
    await expect(copyAndClearLater(fakeClipboard(), 'KEY', 0, options)).resolves.toBe('copied-no-clear');
    expect(scheduled).toEqual([]);
  });

  it('promises no clearing without the clipboardRead permission, and schedules none', async () => {
    const scheduled: unknown[] = [];
    const clipboard = fakeClipboard();
    const options = { permissions: held(false), schedule: (fn: () => void) => scheduled.push(fn) };
    await expect(copyAndClearLater(clipboard, 'KEY', 30, options)).resolves.toBe('copied-needs-permission');
    expect(clipboard.content).toBe('KEY');
    expect(scheduled).toEqual([]);
  });
});

import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { storage } from 'wxt/utils/storage';
import { clearIfHolds, type ClipboardPort } from '../../../lib/clipboard/clear';
import { digestOf } from '../../../lib/clipboard/digest';
import { CLIPBOARD_ALARM, RETRIES, RETRY_MS, createClipboardClearer } from '../../../lib/clipboard/pending';

const KEY = 'VENICE-INFERENCE-KEY-0123456789abcdef';

/** The system clipboard: one text, readable and writable unless told otherwise. */
function fakeClipboard(text = '', { readable = true } = {}) {
  const board = { text, readable };
  const port: ClipboardPort = {
    read: async () => (board.readable ? board.text : null),
    write: async (next) => { board.text = next; return true; },
  };
  return { board, port };
}

/** A background over fakeBrowser's storage.session and a hand-driven clock and timers. */
function background(board: ReturnType<typeof fakeClipboard>, { allowed = true } = {}) {
  const clock = { now: 1_000_000 };
  const timers: Array<{ fn: () => void; ms: number }> = [];
  const alarms: Array<{ name: string; when: number }> = [];
  const make = () =>
    createClipboardClearer({
      pending: storage.defineItem<unknown>('session:clipboardClear'),
      alarms: {
        create: (name, { when }) => { alarms.push({ name, when }); },
        clear: (name) => { alarms.splice(0, alarms.length, ...alarms.filter((a) => a.name !== name)); },
      },
      now: () => clock.now,
      clearIfHolds: (digest) => clearIfHolds(board.port, digest),
      mayClear: async () => allowed,
      setTimer: (fn, ms) => timers.push({ fn, ms }),
    });
  return { clock, timers, alarms, make };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('clearing a copied key from the background', () => {
  beforeEach(() => fakeBrowser.reset());

  it('keeps only the digest and the due time in storage.session, with an alarm and a timer at the delay', async () => {
    const clip = fakeClipboard(KEY);
    const bg = background(clip);
    await expect(bg.make().schedule(await digestOf(KEY), 30)).resolves.toBe('copied-will-clear');
    const stored = await fakeBrowser.storage.session.get(null);
    expect(stored).toEqual({ clipboardClear: { digest: await digestOf(KEY), due: 1_030_000 } });
    expect(JSON.stringify(stored)).not.toContain(KEY);
    expect(bg.alarms).toEqual([{ name: CLIPBOARD_ALARM, when: 1_030_000 }]);
    expect(bg.timers.map((t) => t.ms)).toEqual([30_000]);
  });

  it('clears when the alarm fires after a worker restart (a new clearer over the same storage), the popup long closed', async () => {
    const clip = fakeClipboard(KEY);
    const bg = background(clip);
    await bg.make().schedule(await digestOf(KEY), 30);
    bg.clock.now += 30_000;
    const restarted = bg.make(); // the old worker and its timer are gone
    await expect(restarted.fireIfDue()).resolves.toBe('cleared');
    expect(clip.board.text).toBe('');
    expect(await fakeBrowser.storage.session.get(null)).toEqual({});
    expect(bg.alarms).toEqual([]);
  });

  it('the alarm listener answers only its own alarm, and clears through it', async () => {
    const clip = fakeClipboard(KEY);
    const bg = background(clip);
    const clearer = bg.make();
    await clearer.schedule(await digestOf(KEY), 5);
    bg.clock.now += 5_000;
    expect(clearer.handleAlarm({ name: 'vault-auto-lock' })).toBe(false);
    expect(clearer.handleAlarm({ name: CLIPBOARD_ALARM })).toBe(true);
    await settle();
    await settle();
    expect(clip.board.text).toBe('');
  });

  it('leaves the clipboard alone when the person copied something else meanwhile', async () => {
    const clip = fakeClipboard(KEY);
    const bg = background(clip);
    await bg.make().schedule(await digestOf(KEY), 30);
    clip.board.text = 'my shopping list';
    bg.clock.now += 30_000;
    bg.timers[0]!.fn();
    await settle();
    await expect(bg.make().fireIfDue()).resolves.toBe('nothing-due');
    expect(clip.board.text).toBe('my shopping list');
  });

  it('does nothing before the delay, and clears only once when the timer and the alarm both fire', async () => {
    const clip = fakeClipboard(KEY);
    const writes: string[] = [];
    const write = clip.port.write;
    clip.port.write = (text) => { writes.push(text); return write(text); };
    const bg = background(clip);
    const clearer = bg.make();
    await clearer.schedule(await digestOf(KEY), 30);
    bg.clock.now += 29_000;
    await expect(clearer.fireIfDue()).resolves.toBe('nothing-due');
    expect(clip.board.text).toBe(KEY);
    bg.clock.now += 1_000;
    const [first, second] = await Promise.all([clearer.fireIfDue(), clearer.fireIfDue()]);
    expect([first, second]).toEqual(['cleared', 'nothing-due']);
    expect(writes).toEqual(['']);
  });

  it('a newer copy replaces the pending clear; a delay of 0 cancels it', async () => {
    const clip = fakeClipboard('KEY-B');
    const bg = background(clip);
    const clearer = bg.make();
    await clearer.schedule(await digestOf('KEY-A'), 30);
    await clearer.schedule(await digestOf('KEY-B'), 10);
    bg.clock.now += 10_000;
    await expect(clearer.fireIfDue()).resolves.toBe('cleared');
    await clearer.schedule(await digestOf('KEY-C'), 30);
    await expect(clearer.schedule(await digestOf('KEY-C'), 0)).resolves.toBe('copied-no-clear');
    expect(await fakeBrowser.storage.session.get(null)).toEqual({});
    expect(bg.alarms).toEqual([]);
  });

  it('promises no clearing (copied-no-clear) and keeps nothing pending without the clipboard permissions', async () => {
    const clip = fakeClipboard(KEY);
    const bg = background(clip, { allowed: false });
    await expect(bg.make().schedule(await digestOf(KEY), 30)).resolves.toBe('copied-no-clear');
    expect(await fakeBrowser.storage.session.get(null)).toEqual({});
    expect(bg.alarms).toEqual([]);
    expect(bg.timers).toEqual([]);
  });

  it('never clears blindly: an unreadable clipboard is left as it is', async () => {
    const clip = fakeClipboard(KEY, { readable: false });
    await expect(clearIfHolds(clip.port, await digestOf(KEY))).resolves.toBe('unreadable');
    expect(clip.board.text).toBe(KEY);
  });

  it('tries again when the clipboard could not be read, then clears; gives up after a bounded number of tries', async () => {
    const clip = fakeClipboard('', { readable: false });
    const bg = background(clip);
    const clearer = bg.make();
    await clearer.schedule(await digestOf(KEY), 5);
    clip.board.text = KEY;
    bg.clock.now += 5_000;
    await expect(clearer.fireIfDue()).resolves.toBe('unreadable');
    expect(bg.alarms).toEqual([{ name: CLIPBOARD_ALARM, when: bg.clock.now + RETRY_MS }]);
    clip.board.readable = true;
    bg.clock.now += RETRY_MS;
    await expect(clearer.fireIfDue()).resolves.toBe('cleared');
    expect(clip.board.text).toBe('');

    clip.board.text = KEY;
    clip.board.readable = false;
    await clearer.schedule(await digestOf(KEY), 5);
    bg.clock.now += 5_000;
    for (let i = 0; i <= RETRIES; i += 1) {
      await expect(clearer.fireIfDue()).resolves.toBe('unreadable');
      bg.clock.now += RETRY_MS;
    }
    await expect(clearer.fireIfDue()).resolves.toBe('nothing-due');
    expect(clip.board.text).toBe(KEY);
  });

  it('ignores a stored entry that is not a digest (nothing is cleared on its say-so)', async () => {
    const clip = fakeClipboard(KEY);
    await fakeBrowser.storage.session.set({ clipboardClear: { digest: KEY, due: 0 } });
    await expect(background(clip).make().fireIfDue()).resolves.toBe('nothing-due');
    expect(clip.board.text).toBe(KEY);
  });
});

/**
 * The background's side of a copied key: one pending clear (the digest of what was
 * copied and when to clear it), kept in storage.session so a restarted worker or
 * event page still knows it, never the key itself. An alarm fires it even when the
 * worker was stopped; a timer in the running worker fires it on time when the delay is
 * shorter than the alarms' floor (30 s for a packed Chrome extension). Firing twice is
 * harmless: the first run takes the pending clear, the second finds none. A clear that could
 * not read or write the clipboard (the offscreen document was not ready, the paste was refused)
 * is tried again, RETRY_MS later, at most RETRIES times; then it is given up.
 */
import * as z from 'zod/mini';
import { serialQueue } from '../async/serial';
import type { ClearResult } from './clear';
import { DIGEST_PATTERN } from './digest';

export const CLIPBOARD_ALARM = 'clipboard-clear';
/** A timer may wake a few milliseconds before the stored time. */
const EARLY_MS = 250;
export const RETRIES = 3;
export const RETRY_MS = 10_000;

const PendingSchema = z.strictObject({
  digest: z.string().check(z.regex(DIGEST_PATTERN)),
  due: z.number(),
  /** Tries already made that could not read or write the clipboard. */
  tries: z.optional(z.int().check(z.minimum(0))),
});
export type PendingClear = z.infer<typeof PendingSchema>;

export interface ClipboardClearerDeps {
  /** storage.session item holding the pending clear. */
  pending: { getValue(): Promise<unknown>; setValue(value: PendingClear): Promise<void>; removeValue(): Promise<void> };
  alarms: { create(name: string, info: { when: number }): unknown; clear(name: string): unknown };
  now: () => number;
  /** Reads the clipboard and clears it if it still holds `digest`'s text (the browser's owner document). */
  clearIfHolds: (digest: string) => Promise<ClearResult>;
  /** Whether the browser lets the extension read and write the clipboard (clipboardRead, clipboardWrite). */
  mayClear: () => Promise<boolean>;
  setTimer?: (fn: () => void, ms: number) => unknown;
}

export type FireResult = ClearResult | 'nothing-due';
/** What the popup tells the person after a copy (components/vault-api.ts: CopyOutcome). */
export type ScheduleOutcome = 'copied-will-clear' | 'copied-no-clear';

export function createClipboardClearer({ pending, alarms, now, clearIfHolds, mayClear, setTimer = setTimeout }: ClipboardClearerDeps) {
  const serial = serialQueue();
  const read = async (): Promise<PendingClear | null> => {
    const parsed = PendingSchema.safeParse(await pending.getValue());
    return parsed.success ? parsed.data : null;
  };

  /** Keeps the pending clear for another try, when the clipboard could not be read or written. */
  const retryLater = async (entry: PendingClear): Promise<void> => {
    const tries = (entry.tries ?? 0) + 1;
    if (tries > RETRIES) return;
    const due = now() + RETRY_MS;
    await pending.setValue({ digest: entry.digest, due, tries });
    await alarms.create(CLIPBOARD_ALARM, { when: due });
    setTimer(() => void fireIfDue().catch(() => undefined), RETRY_MS);
  };

  const fireIfDue = (): Promise<FireResult> =>
    serial(async () => {
      const entry = await read();
      if (!entry || entry.due > now() + EARLY_MS) return 'nothing-due';
      await pending.removeValue();
      await alarms.clear(CLIPBOARD_ALARM);
      const result = await clearIfHolds(entry.digest).catch((): ClearResult => 'failed');
      if (result === 'unreadable' || result === 'failed') await retryLater(entry);
      return result;
    });

  return {
    /**
     * Replaces any pending clear: only the latest copy can still be on the clipboard.
     * 0 s, or no clipboard permission, leaves nothing pending (never a blind clear).
     */
    schedule: async (digest: string, afterSeconds: number): Promise<ScheduleOutcome> => {
      const allowed = afterSeconds > 0 && (await mayClear().catch(() => false));
      return serial(async () => {
        if (!allowed) {
          await pending.removeValue();
          await alarms.clear(CLIPBOARD_ALARM);
          return 'copied-no-clear';
        }
        const due = now() + afterSeconds * 1000;
        await pending.setValue({ digest, due });
        await alarms.create(CLIPBOARD_ALARM, { when: due });
        setTimer(() => void fireIfDue().catch(() => undefined), afterSeconds * 1000);
        return 'copied-will-clear';
      });
    },
    fireIfDue,
    /** For the alarms listener: true when the alarm was this one. */
    handleAlarm: (alarm: { name: string }): boolean => {
      if (alarm.name !== CLIPBOARD_ALARM) return false;
      void fireIfDue().catch(() => undefined);
      return true;
    },
  };
}

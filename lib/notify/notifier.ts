/**
 * Opt-in notifications after each poll: blocked access, low balance, expiry within
 * three days. It remembers the conditions per key so each fires once per change.
 */
import * as z from 'zod/mini';
import type { BadgePrefs, BadgeKey, PollView } from '../badge/schema';
import type { NotificationSettings } from '../settings/schema';
import { conditionsOf, noticesToFire, type Conditions, type NoticeKind } from './conditions';
import { noticeText } from './messages';

const ConditionsSchema = z.object({ blocked: z.boolean(), lowBalance: z.boolean(), expiring: z.boolean() });
const MemorySchema = z.record(z.string(), ConditionsSchema);
type Memory = z.infer<typeof MemorySchema>;

export interface NotifierDeps {
  getEnabled(): Promise<NotificationSettings>;
  /** True when the optional "notifications" permission is granted. */
  hasPermission(): Promise<boolean>;
  show(id: string, notice: { title: string; message: string }): Promise<void>;
  now(): number;
  /** Which conditions each key was last seen in (lib/storage/items.ts `notifyMemory`). */
  memory: { getValue(): Promise<unknown>; setValue(value: Memory): Promise<void> };
}

export function createNotifier(deps: NotifierDeps) {
  const { memory } = deps;
  return async function onPolled(key: BadgeKey, poll: PollView, prefs: BadgePrefs): Promise<NoticeKind[]> {
    const parsed = MemorySchema.safeParse(await memory.getValue());
    const all: Memory = parsed.success ? parsed.data : {};
    const current: Conditions = conditionsOf(key, poll, prefs, deps.now());
    const enabled = await deps.getEnabled();
    const wanted = noticesToFire(all[key.id], current, enabled);
    await memory.setValue({ ...all, [key.id]: current });
    if (!wanted.length || !(await deps.hasPermission())) return [];
    for (const kind of wanted) await deps.show(`venice-${kind}-${key.id}`, noticeText(kind, key));
    return wanted;
  };
}

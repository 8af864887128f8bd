import { i18n } from '#i18n';
import type { BadgeLevel } from '../lib/badge/look';
import type { ToolbarStatus } from '../lib/messaging/toolbar';

const LABELS: Record<BadgeLevel, () => string> = {
  ok: () => i18n.t('home.status.ok'),
  low: () => i18n.t('home.status.low'),
  stale: () => i18n.t('home.status.stale'),
  blocked: () => i18n.t('home.status.blocked'),
  gone: () => i18n.t('home.status.gone'),
  failed: () => i18n.t('home.status.failed'),
  checking: () => i18n.t('home.status.checking'),
  waiting: () => i18n.t('home.status.waiting'),
  locked: () => i18n.t('home.status.locked'),
  none: () => i18n.t('home.status.none'),
};

/**
 * The key's state in one word, in the badge's own colour: the background sends the level and
 * colour it drew the badge with (lib/toolbar/poller.ts), so the chip and the badge always agree.
 * Nothing until the background has answered (the first paint from storage has no badge).
 */
export function StatusChip({ badge }: { badge: ToolbarStatus['badge'] }) {
  if (!badge) return null;
  return (
    <span class="status-chip" style={{ background: badge.color }} data-testid="status-chip" data-level={badge.level}>
      {LABELS[badge.level]()}
    </span>
  );
}

/**
 * lib/badge: what the toolbar badge shows (text, colour, tooltip), as a pure function of
 * the key's last poll and the settings. lib/toolbar decides when to draw it; apply.ts draws it.
 */
import { assess } from './assess';
import { compactAmount, compactUsd, formatDuration } from './format';
import { BADGE_COLORS, BADGE_SIGNS } from './look';
import type { Badge, BadgeState, PollView } from './schema';
import { keyName, limitsTitle } from './title';

const APP = 'Venice Key Wallet';

function freshness(poll: PollView, now: number, stale: boolean): string {
  const age = poll.fetchedAt === null ? '' : `Updated ${formatDuration(now - poll.fetchedAt)} ago.`;
  if (poll.status === 'error' && poll.error) return `Could not refresh: ${poll.error.message} ${age}`.trim();
  return stale ? `${age} This may be out of date.` : age;
}

/**
 * What the toolbar shows for a state: a short text (at most 4 characters, as
 * Chrome shows about that many), its background colour and a tooltip in words.
 * A pure function: the poller and the popup both call it.
 */
export function badgeFor(state: BadgeState): Badge {
  switch (state.kind) {
    case 'waiting-wallet':
      return { text: BADGE_SIGNS.checking, color: BADGE_COLORS.muted, title: `${APP}: waiting for your wallet to sign.`, level: 'waiting' };
    case 'locked':
      return { text: BADGE_SIGNS.locked, color: BADGE_COLORS.muted, title: `${APP} is locked. Open it and enter your passphrase to see balances.`, level: 'locked' };
    case 'no-key':
      return { text: '', color: BADGE_COLORS.muted, title: `${APP}: no API key yet. Open it to get one from your wallet.`, level: 'none' };
    case 'key':
      break;
  }
  const { key, poll, prefs, now } = state;
  const name = keyName(key);
  if (poll?.status === 'revoked') {
    return {
      text: BADGE_SIGNS.gone,
      color: BADGE_COLORS.alert,
      title: `${name}\nVenice did not accept this key: it may be revoked, wrong or expired. Checking has stopped.`,
      level: 'gone',
    };
  }
  if (!poll?.limits) {
    const failed = poll?.status === 'error' && poll.error;
    return {
      text: failed ? BADGE_SIGNS.failed : BADGE_SIGNS.checking,
      color: BADGE_COLORS.muted,
      title: `${name}\n${failed ? `Could not check the balance: ${poll.error!.message}` : 'Checking the balance…'}`,
      level: failed ? 'failed' : 'checking',
    };
  }
  const a = assess(poll.limits, key, prefs, now);
  const stale = poll.status === 'error' || (poll.fetchedAt !== null && now - poll.fetchedAt > 3 * prefs.pollMinutes * 60_000);
  const lines = limitsTitle(key, poll.limits, a, prefs, now);
  const fresh = freshness(poll, now, stale);
  if (fresh) lines.push(fresh);
  const title = lines.join('\n');
  if (a.expired) return { text: BADGE_SIGNS.gone, color: BADGE_COLORS.alert, title, level: 'gone' };
  if (a.blocked) return { text: BADGE_SIGNS.blocked, color: BADGE_COLORS.alert, title, level: 'blocked' };
  if (a.amount === null) return { text: BADGE_SIGNS.failed, color: stale ? BADGE_COLORS.muted : BADGE_COLORS.normal, title, level: stale ? 'stale' : 'failed' };
  const text = a.unit === 'DIEM' ? compactAmount(a.amount) : compactUsd(a.amount);
  if (stale) return { text, color: BADGE_COLORS.muted, title, level: 'stale' };
  return a.low ? { text, color: BADGE_COLORS.low, title, level: 'low' } : { text, color: BADGE_COLORS.normal, title, level: 'ok' };
}

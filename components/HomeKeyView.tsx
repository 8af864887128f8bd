import type { ComponentChildren } from 'preact';
import { i18n } from '#i18n';
import type { ToolbarStatus } from '../lib/messaging/toolbar';
import { BalanceSummary } from './BalanceSummary';
import { EpochCountdown } from './EpochCountdown';
import type { HomeKey } from './home-api';
import { type CopyVault, HomeCopyRow } from './HomeCopyRow';
import { HomeError } from './HomeError';
import { HomeLoading } from './HomeLoading';
import { HomeBlocked } from './HomeBlocked';
import { HomeRevoked } from './HomeRevoked';
import { KeySwitcher } from './KeySwitcher';
import { modelLimitsOf, RateLimitTable } from './RateLimitTable';
import { StaleNotice } from './StaleNotice';
import { StatusChip } from './StatusChip';
import { UsageBar } from './UsageBar';

export interface HomeKeyViewProps {
  /** A status with an active key. */
  status: ToolbarStatus & { key: NonNullable<ToolbarStatus['key']> };
  keys: HomeKey[];
  pollMinutes: number;
  refreshing: boolean;
  switching: boolean;
  note: string | null;
  /** `quiet` leaves out the "asked too soon" sentence (automatic refreshes). */
  onRefresh: (quiet?: boolean) => void;
  onSwitch: (id: string) => void;
  onManageKeys?: () => void;
  mint?: ComponentChildren;
  copyVault?: CopyVault;
  now: () => number;
}

/** The home screen of one key: what it can spend, until when, its cap and rate limits. */
export function HomeKeyView(props: HomeKeyViewProps) {
  const { status, keys, refreshing, switching, onRefresh, now } = props;
  const { key, entry } = status;
  const limits = entry?.limits ?? null;
  const record = keys.find((k) => k.id === key.id);
  const expiresAt = limits ? limits.keyExpiration : (record?.expiresAt ?? null);
  const failedFirst = !limits && entry?.status === 'error';
  // A key Venice no longer accepts, or blocks for now: one banner and one action instead of the cards.
  const revoked = entry?.status === 'revoked';
  const blocked = !revoked && limits !== null && !limits.accessPermitted;
  return (
    <section class="home" aria-labelledby="home-title" data-testid="home" aria-busy={refreshing || switching}>
      <h1 id="home-title" class="visually-hidden">{i18n.t('home.heading')}</h1>
      <div class="key-head">
        <KeySwitcher keys={keys.length ? keys : [key]} active={record ?? key} busy={switching} onSwitch={props.onSwitch} />
        <StatusChip badge={status.badge} />
      </div>
      {failedFirst ? (
        <HomeError error={entry.error} onRetry={() => onRefresh()} />
      ) : (
        <StaleNotice poll={entry} pollMinutes={props.pollMinutes} refreshing={refreshing} note={props.note}
          onRefresh={() => onRefresh()} now={now} />
      )}
      {revoked && <HomeRevoked onManageKeys={props.onManageKeys} />}
      {blocked && <HomeBlocked onRefresh={() => onRefresh()} refreshing={refreshing} />}
      {limits && !revoked && !blocked && (
        <>
          <BalanceSummary limits={limits} expiresAt={expiresAt} now={now()} />
          {props.copyVault && <HomeCopyRow vault={props.copyVault} keyId={key.id} />}
          <section class="card card-row" aria-label={i18n.t('home.epoch.label')}>
            <EpochCountdown iso={limits.nextEpochBegins} now={now} onElapsed={() => onRefresh(true)} />
          </section>
          <UsageBar meta={key} balances={limits.balances} />
          <RateLimitTable models={modelLimitsOf(limits)} />
        </>
      )}
      {!limits && !failedFirst && !revoked && <HomeLoading label={i18n.t('home.checking')} />}
      {props.mint && <div class="mint-slot">{props.mint}</div>}
    </section>
  );
}

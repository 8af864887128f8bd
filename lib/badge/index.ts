export { badgeFor } from './badge';
export { applyBadge } from './apply';
export type { ActionApi } from './apply';
export { EXPIRY_WARNING_MS, assess, chooseUnit } from './assess';
export type { Assessment, ShownUnit } from './assess';
export { compactAmount, compactUsd, formatDuration, formatUtc } from './format';
export {
  BADGE_COLORS,
  BadgeSchema,
  BalancesSchema,
  KeyMetaSchema,
  LIMIT_PERIODS,
  LimitsSnapshotSchema,
  PollViewSchema,
  WireErrorDataSchema,
} from './schema';
export type { Badge, BadgePrefs, BadgeState, Balances, KeyMeta, LimitPeriod, LimitsSnapshot, PollView } from './schema';
export { keyName } from './title';

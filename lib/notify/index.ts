export { NOTICE_KINDS, conditionsOf, noticesToFire } from './conditions';
export type { Conditions, NoticeKind } from './conditions';
export { noticeText } from './messages';
export { NOTICE_ICON_DATA_URL } from './icon';
export { createNotifier, notifyMemoryItem } from './notifier';
export type { NotifierDeps } from './notifier';

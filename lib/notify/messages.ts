import { keyName } from '../badge/title';
import type { BadgeKey } from '../badge/schema';
import type { NoticeKind } from './conditions';

/** The words of each notification; they name the key by its description and last six characters only. */
export function noticeText(kind: NoticeKind, key: BadgeKey): { title: string; message: string } {
  const name = keyName(key);
  switch (kind) {
    case 'blocked':
      return { title: 'Venice key blocked', message: `${name}: Venice will refuse requests with this key right now. Open Venice Key Wallet to see why.` };
    case 'lowBalance':
      return { title: 'Venice balance low', message: `${name}: the balance this key can spend is running low.` };
    case 'expiring':
      return { title: 'Venice key expires soon', message: `${name}: this key expires within three days.` };
  }
}

/**
 * The type of every contract the popup calls. Types only: the popup's client (lib/messaging/page-client.ts)
 * is typed from the contracts but never loads their zod schemas; the background parses each input and
 * output with them (issue 16: the popup at 30 KiB).
 */
import type { clipboardContracts } from '../../lib/messaging/clipboard';
import type { manageRevokeContracts } from '../../lib/messaging/manage-revoke';
import type { mintContracts } from '../../lib/messaging/mint';
import type { settingsContracts } from '../../lib/messaging/settings';
import type { toolbarContracts } from '../../lib/messaging/toolbar';
import type { vaultContracts } from '../../lib/messaging/vault';

export type PopupContracts = typeof vaultContracts &
  typeof toolbarContracts &
  typeof settingsContracts &
  typeof mintContracts &
  typeof clipboardContracts &
  typeof manageRevokeContracts;

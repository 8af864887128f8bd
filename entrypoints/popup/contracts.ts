/**
 * Every contract the popup calls, in one object. Loaded by the first call the popup sends
 * (an inlined dynamic import in popup-app.js), after its first paint: building these zod
 * schemas is not part of opening the popup (the first paint comes from storage, cached-state.ts).
 */
import { clipboardContracts } from '../../lib/messaging/clipboard';
import { manageRevokeContracts } from '../../lib/messaging/manage-revoke';
import { mintContracts } from '../../lib/messaging/mint';
import { settingsContracts } from '../../lib/messaging/settings';
import { toolbarContracts } from '../../lib/messaging/toolbar';
import { vaultContracts } from '../../lib/messaging/vault';

export { RemoteError } from '../../lib/messaging/protocol';

export const popupContracts = { ...vaultContracts, ...toolbarContracts, ...settingsContracts, ...mintContracts, ...clipboardContracts, ...manageRevokeContracts };
export type PopupContracts = typeof popupContracts;

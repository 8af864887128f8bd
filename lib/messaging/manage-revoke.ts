/**
 * The popup's one Manage keys message: "Revoke on Venice too" when removing a key, with an ADMIN
 * key of the vault. Both named by their vault record ids; zod/mini only, nothing of the Venice
 * client, so the popup stays light.
 */
import * as z from 'zod/mini';
import { contract } from './protocol';

const recordId = z.string().check(z.minLength(1), z.maxLength(100));

export const manageRevokeContracts = {
  'manage.revokeRecord': contract(z.strictObject({ adminId: recordId, recordId }), z.strictObject({ marked: z.number() })),
};

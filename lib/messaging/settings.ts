/**
 * Contracts for reading and changing the settings (options page, popup). A refused
 * change is not an error: it comes back as `{ ok: false, errors: [{ field, reason }] }`
 * so the page can show each reason next to its field, and nothing is stored.
 */
import * as z from 'zod/mini';
import { SettingsShapeSchema } from '../settings/schema';
import { contract } from './protocol';

export const FieldErrorSchema = z.strictObject({
  field: z.string().check(z.maxLength(100)),
  reason: z.string().check(z.maxLength(300)),
});

export const SettingsResultSchema = z.discriminatedUnion('ok', [
  z.strictObject({ ok: z.literal(true), settings: SettingsShapeSchema }),
  z.strictObject({ ok: z.literal(false), errors: z.array(FieldErrorSchema).check(z.minLength(1)) }),
]);

export const settingsContracts = {
  'settings.get': contract(z.strictObject({}), SettingsShapeSchema),
  /** `patch` is checked by the handler, not here, so each bad field gets its own reason. */
  'settings.set': contract(z.strictObject({ patch: z.record(z.string(), z.unknown()) }), SettingsResultSchema),
};

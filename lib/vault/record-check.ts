/**
 * A stored key record checked by hand, for the popup's first paint (entrypoints/popup/cached-state.ts),
 * which reads the vault without zod. The same answers as record.ts's StoredRecordSchema
 * (test/unit/shape/record-check.test.ts holds them together); the background parses with the schema.
 */
import { nullable, num, oneOf, optional, shape, text, type Guard } from '../shape/guards';
import type { KeyMeta, StoredRecord } from './record';

/** zod's uuid (RFC 9562, any version, plus the nil and max UUIDs). */
const UUID = /^([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-8][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}|00000000-0000-0000-0000-000000000000|ffffffff-ffff-ffff-ffff-ffffffffffff)$/;
const DATE = '(?:(?:\\d\\d[2468][048]|\\d\\d[13579][26]|\\d\\d0[48]|[02468][048]00|[13579][26]00)-02-29|\\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|(?:02)-(?:0[1-9]|1\\d|2[0-8])))';
/** zod's iso.datetime(): a UTC date and time with seconds, any fraction, ending in Z. */
const ISO_DATETIME = new RegExp(`^${DATE}T(?:[01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d(?:\\.\\d+)?Z$`);
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** zod's url(): what the URL parser accepts once trimmed. */
const url: Guard = (v) => {
  if (typeof v !== 'string') return false;
  try {
    new URL(v.trim());
    return true;
  } catch {
    return false;
  }
};
const limit = optional(nullable(num(0, 9_999_999_999)));
const LIMIT_PERIODS = ['EPOCH', 'MONTH', 'LIFETIME'];
/** sealed.ts's ENVELOPE_VERSION and RECORD_ENVELOPE_VERSION (not imported: that file builds zod schemas). */
const SEALED_VERSIONS = [1, 2];

const isStoredRecord = shape({
  id: text(0, Infinity, UUID),
  veniceId: optional(text(1, 100)),
  last6: text(6, 6),
  type: oneOf(['INFERENCE', 'ADMIN']),
  description: text(0, 64),
  source: oneOf(['minted', 'imported']),
  walletAddress: optional(text(0, Infinity, /^0x[0-9a-fA-F]{40}$/)),
  apiBaseUrl: (v) => url(v) && (v as string).trim().length <= 200,
  createdAt: text(0, Infinity, ISO_DATETIME),
  limits: optional(shape({ usd: limit, diem: limit })),
  limitPeriod: optional(oneOf(LIMIT_PERIODS)),
  modelPrivacy: optional(oneOf(['ALL', 'PRIVATE_TEXT', 'PRIVATE_ONLY'])),
  expiresAt: optional(nullable(text(0, 40))),
  secret: shape({ v: oneOf(SEALED_VERSIONS), iv: text(0, 20_000, BASE64), ct: text(0, 20_000, BASE64) }),
});

/** The record's metadata without its sealed secret, the schema's defaults filled in; null when it does not fit. */
export function storedRecordMeta(value: unknown): KeyMeta | null {
  if (!isStoredRecord(value)) return null;
  const { secret: _secret, ...meta } = value as StoredRecord;
  return { ...meta, limits: meta.limits ?? {}, expiresAt: meta.expiresAt ?? null };
}

/**
 * Which of the account's keys this vault holds. A minted or created key is known by its Venice
 * id; an imported one (its Venice id unknown) by its last six characters and type on the same API.
 * Pure, so the page marks rows with it and the background finds the records to update.
 */
import type { KeyMeta } from '../vault/record';

/** A key as Venice names it: enough to find the vault's copy. */
export interface VeniceKeyRef {
  id: string;
  last6Chars: string;
  apiKeyType: 'INFERENCE' | 'ADMIN';
}

export function holds(record: KeyMeta, key: VeniceKeyRef, apiBaseUrl: string): boolean {
  if (record.veniceId) return record.veniceId === key.id;
  return record.last6 === key.last6Chars && record.type === key.apiKeyType && record.apiBaseUrl === apiBaseUrl;
}

/** The vault records that hold `key` (normally one). */
export const recordsHolding = (records: readonly KeyMeta[], key: VeniceKeyRef, apiBaseUrl: string): KeyMeta[] =>
  records.filter((record) => holds(record, key, apiBaseUrl));

/** The ADMIN keys the page can use (not marked revoked), in the vault's order; the first is chosen by default. */
export const usableAdmins = (records: readonly KeyMeta[]): KeyMeta[] => records.filter((r) => r.type === 'ADMIN' && !r.revokedAt);

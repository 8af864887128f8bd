/** Maps what the mint flow knows about a fresh key (lib/mint SaveMeta) to the vault's metadata. */
import type { NewKeyMeta } from './record';

export interface MintedKeyInfo {
  veniceId: string;
  apiKeyType: 'INFERENCE' | 'ADMIN';
  description: string;
  walletAddress: string;
  limits: { usd?: number | null; diem?: number | null };
  limitPeriod?: 'EPOCH' | 'MONTH' | 'LIFETIME';
  modelPrivacy?: 'ALL' | 'PRIVATE_TEXT' | 'PRIVATE_ONLY';
  expiresAt: string | null;
  createdAt: string;
  /** The API the key was minted on (the background adds the settings' API address). */
  apiBaseUrl?: string;
}

export function mintedKeyMeta(info: MintedKeyInfo): NewKeyMeta {
  const { apiKeyType, ...rest } = info;
  return { ...rest, type: apiKeyType, source: 'minted', description: rest.description.slice(0, 64) };
}

/**
 * The shapes of the messages between the signing tab's isolated content script
 * and the background (runtime.sendMessage / tabs.sendMessage, in the envelope of
 * lib/messaging/protocol.ts). The contracts themselves are in
 * lib/wallet/bridge-contracts.ts; the content script parses with these zod/mini schemas
 * directly, because full zod would not fit its size budget.
 */
import * as z from 'zod/mini';
import { WALLET_EVENTS, parseWalletRequest, type WalletEvent, type WalletRequest } from './bridge-protocol';

/** Equal to ENVELOPE_TAG in lib/messaging/protocol.ts (a unit test keeps them equal). */
export const BRIDGE_ENVELOPE_TAG = 'venice-key-wallet/v1';

export const BRIDGE_NAMES = {
  /** background -> tab: is the bridge `{ bridgeId }` still there? Only that bridge answers `{ bridgeId, waiting }`. */
  ping: 'bridge.ping',
  /** background -> tab: one wallet request, answered by the page as `{ outcome }`. */
  request: 'bridge.request',
  /** tab -> background: the bridge is up (sent once, after the page handshake). */
  hello: 'bridge.hello',
  /** tab -> background: a wallet event, or a keepalive while a request waits on the user. */
  event: 'bridge.event',
} as const;

export const TabEnvelopeSchema = z.strictObject({
  tag: z.literal(BRIDGE_ENVELOPE_TAG),
  name: z.string(),
  input: z.unknown(),
});

const TabRequestInputSchema = z.strictObject({ bridgeId: z.string(), request: z.unknown() });
/** Parses the input of `bridge.request` as the content script receives it. */
export function parseTabRequestInput(input: unknown): { request: WalletRequest } | undefined {
  const parsed = TabRequestInputSchema.safeParse(input);
  const request = parsed.success ? parseWalletRequest(parsed.data.request) : undefined;
  return request && { request };
}

/** True when a ping or request is addressed to the bridge `bridgeId` (the background names the one whose hello it accepted). */
export function addressedTo(input: unknown, bridgeId: string): boolean {
  return typeof input === 'object' && input !== null && (input as { bridgeId?: unknown }).bridgeId === bridgeId;
}

/** What the page answered: a checked value, or the wallet's error as data (EIP-1193 code kept). */
export type TabOutcome = { ok: true; value: unknown } | { ok: false; error: { code: number; message: string } };

export const BRIDGE_EVENTS = {
  ...WALLET_EVENTS,
  keepalive: z.strictObject({ kind: z.literal('keepalive') }),
};
export type BridgeEvent = WalletEvent | { kind: 'keepalive' };

/**
 * Contracts between the background and the signing tab's content script
 * (entrypoints/bridge.content.ts). Audience 'signing-tab': the background accepts
 * them only from its own content script in the signing tab it opened (see
 * lib/wallet/signing-tab.ts), and the content script only from the extension.
 * The leaf schemas are the zod/mini ones the content script parses with.
 */
import * as z from 'zod/mini';
import { BridgeErrorSchema, IdSchema, WALLET_REQUESTS } from './bridge-protocol';
import { BRIDGE_EVENTS, BRIDGE_NAMES } from './bridge-messages';
import { contract } from '../messaging/protocol';

const WalletRequestSchema = z.discriminatedUnion('kind', [
  WALLET_REQUESTS.discover,
  WALLET_REQUESTS.select,
  WALLET_REQUESTS.eth_requestAccounts,
  WALLET_REQUESTS.eth_accounts,
  WALLET_REQUESTS.eth_chainId,
  WALLET_REQUESTS.personal_sign,
]);

export const TabOutcomeSchema = z.discriminatedUnion('ok', [
  z.strictObject({ ok: z.literal(true), value: z.unknown() }),
  z.strictObject({ ok: z.literal(false), error: BridgeErrorSchema }),
]);

const BridgeEventSchema = z.discriminatedUnion('kind', [
  BRIDGE_EVENTS.accountsChanged,
  BRIDGE_EVENTS.chainChanged,
  BRIDGE_EVENTS.walletsChanged,
  BRIDGE_EVENTS.keepalive,
]);

/** background -> signing tab, sent with browser.tabs.sendMessage(tabId, envelope, { frameId: 0 }). */
export const bridgeTabContracts = {
  [BRIDGE_NAMES.ping]: contract(
    z.strictObject({ bridgeId: IdSchema }),
    z.strictObject({ bridgeId: IdSchema, waiting: z.number() }),
    'signing-tab',
  ),
  [BRIDGE_NAMES.request]: contract(
    z.strictObject({ bridgeId: IdSchema, request: WalletRequestSchema }),
    z.strictObject({ outcome: TabOutcomeSchema }),
    'signing-tab',
  ),
};

/** signing tab -> background, sent with browser.runtime.sendMessage(envelope). */
export const bridgeBackgroundContracts = {
  [BRIDGE_NAMES.hello]: contract(z.strictObject({ bridgeId: IdSchema }), z.null(), 'signing-tab'),
  [BRIDGE_NAMES.event]: contract(z.strictObject({ bridgeId: IdSchema, event: BridgeEventSchema }), z.null(), 'signing-tab'),
};

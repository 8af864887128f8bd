/**
 * The private protocol between the signing tab's two content scripts: the
 * isolated-world bridge (entrypoints/bridge.content.ts) and the main-world
 * script (entrypoints/wallet-main.content.ts) that talks to the wallet.
 *
 * 0. The background injects both scripts and hands each the same random secret
 *    through `scripting.executeScript` `args` (./signing-tab.ts); it never travels on `window`.
 * 1. The bridge posts a handshake `{ type, body, mac }` on `window` (the nonce, sealed with
 *    that secret by ./bridge-seal.ts), transferring one end of a fresh MessageChannel.
 *    The main-world script accepts exactly one handshake whose MAC checks, from its own
 *    window and origin, and answers `ready` with the nonce.
 * 2. From then on every message travels over that port, sealed the same way (a MAC per
 *    message and direction), and is opened, then parsed with these schemas on arrival.
 *    Anything unsealed, or sealed with another secret, is dropped. Requests carry a
 *    random id; only four wallet methods exist in this protocol, anything else does not parse.
 *
 * Both scripts import this file, so it uses zod/mini, and tagged unions are
 * parsed by `parseByKind` (much smaller than zod's discriminatedUnion).
 */
import * as z from 'zod/mini';

export const HANDSHAKE_TYPE = 'venice-key-wallet/bridge-handshake';
/**
 * The names of the two scripts' one-shot starters, which the background calls with the
 * channel's secret (scripting.executeScript `func` + `args`): the page script's, on the
 * page's window (where a page script can see it, but not the secret passed to it), and
 * the isolated bridge's, in the extension's isolated world.
 */
export const PAGE_BRIDGE_STARTER = '__veniceKeyWalletBridgeStart';
export const TAB_BRIDGE_STARTER = '__veniceKeyWalletTabBridgeStart';

/** A random id: 16 bytes as 32 lowercase hex digits. */
export const IdSchema = z.string().check(z.regex(/^[0-9a-f]{32}$/));
export const AddressSchema = z.string().check(z.regex(/^0x[0-9a-fA-F]{40}$/));
/** The bytes to sign with personal_sign, hex encoded: at most 16 KiB (a JWT is far smaller). */
export const MessageHexSchema = z.string().check(z.regex(/^0x(?:[0-9a-fA-F]{2}){1,16384}$/));
/** A wallet's EIP-6963 uuid or rdns, as chosen by the user. */
export const WalletRefSchema = z.string().check(z.regex(/^[\w.:-]{1,100}$/));

/** `bytes` random bytes as lowercase hex: an id (16), or the channel's secret (32, ./bridge-seal.ts). */
export function randomId(bytes = 16): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(bytes)), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

type Tagged = Record<string, z.ZodMiniType>;
/** Parses a `{ kind, ... }` message with the schema of its kind; `undefined` when nothing fits. */
export function parseByKind<M extends Tagged>(schemas: M, data: unknown): z.infer<M[keyof M]> | undefined {
  const kind = typeof data === 'object' && data !== null ? (data as { kind?: unknown }).kind : undefined;
  if (typeof kind !== 'string' || !Object.hasOwn(schemas, kind)) return undefined;
  const parsed = schemas[kind]!.safeParse(data);
  return parsed.success ? (parsed.data as z.infer<M[keyof M]>) : undefined;
}

// ---- isolated world -> main world ---------------------------------------------

/** The handshake on `window`: its sealed body is `{ nonce }` (HandshakeBodySchema). */
export const HandshakeSchema = z.strictObject({ type: z.literal(HANDSHAKE_TYPE), body: z.string(), mac: z.string() });
export const HandshakeBodySchema = z.strictObject({ nonce: IdSchema });

/**
 * What the extension may ask of the page: list the wallets, choose one, or call
 * one of the four wallet methods (the kind is the EIP-1193 method name).
 */
export const WALLET_REQUESTS = {
  discover: z.strictObject({ kind: z.literal('discover') }),
  select: z.strictObject({ kind: z.literal('select'), wallet: WalletRefSchema }),
  eth_requestAccounts: z.strictObject({ kind: z.literal('eth_requestAccounts') }),
  eth_accounts: z.strictObject({ kind: z.literal('eth_accounts') }),
  eth_chainId: z.strictObject({ kind: z.literal('eth_chainId') }),
  personal_sign: z.strictObject({ kind: z.literal('personal_sign'), message: MessageHexSchema, address: AddressSchema }),
};
export type WalletRequest = z.infer<(typeof WALLET_REQUESTS)[keyof typeof WALLET_REQUESTS]>;
export const parseWalletRequest = (data: unknown) => parseByKind(WALLET_REQUESTS, data);

/** A request on the private port: a random id and one wallet request. */
const PageRequestSchema = z.strictObject({ id: IdSchema, request: z.unknown() });
export interface PageRequest {
  id: string;
  request: WalletRequest;
}

/** Parses a message arriving at the main-world script; `undefined` for anything that does not fit. */
export function parsePageRequest(data: unknown): PageRequest | undefined {
  const envelope = PageRequestSchema.safeParse(data);
  if (!envelope.success) return undefined;
  const request = parseWalletRequest(envelope.data.request);
  return request && { id: envelope.data.id, request };
}

// ---- main world -> isolated world ---------------------------------------------

// Lengths are checked with regexes: zod/mini's length checks would add to both scripts' size.
const TextSchema = z.string().check(z.regex(/^[^]{1,100}$/));
export const WalletInfoSchema = z.strictObject({
  uuid: TextSchema,
  name: TextSchema,
  rdns: TextSchema,
  /** A data URI (EIP-6963 requires one); shown only as an <img> source. */
  icon: z.string().check(z.regex(/^data:image\/(?:svg\+xml|png|jpeg|webp|gif)[;,][^]{1,200000}$/)),
});
export type WalletInfo = z.infer<typeof WalletInfoSchema>;

export const AccountsSchema = z.array(AddressSchema);
export const ChainIdSchema = z.string().check(z.regex(/^0x[0-9a-fA-F]{1,16}$/));
/** A 65-byte ECDSA signature, or a longer ERC-1271 / ERC-6492 one from a smart-contract wallet. */
export const SignatureSchema = z.string().check(z.regex(/^0x(?:[0-9a-fA-F]{2}){64,16384}$/));
export const WalletListSchema = z.array(WalletInfoSchema);

/**
 * An error from the wallet, or from the bridge itself. `code` is the wallet's
 * EIP-1193 / JSON-RPC code (4001, 4100, 4200, -32002…), or one of BRIDGE_CODES.
 */
export const BridgeErrorSchema = z.strictObject({ code: z.number(), message: z.string().check(z.regex(/^[^]{0,300}$/)) });
export type BridgeError = z.infer<typeof BridgeErrorSchema>;
/** Codes of the bridge's own errors, outside every range EIP-1193 and JSON-RPC use. */
export const BRIDGE_CODES = { unknown: 1, noWallet: 2, unknownWallet: 3 } as const;

/** Events the page pushes without being asked (they carry no id). */
export const WALLET_EVENTS = {
  accountsChanged: z.strictObject({ kind: z.literal('accountsChanged'), value: AccountsSchema }),
  chainChanged: z.strictObject({ kind: z.literal('chainChanged'), value: ChainIdSchema }),
  walletsChanged: z.strictObject({ kind: z.literal('walletsChanged'), value: WalletListSchema }),
};
export type WalletEvent = z.infer<(typeof WALLET_EVENTS)[keyof typeof WALLET_EVENTS]>;

export const PAGE_REPLIES = {
  ready: z.strictObject({ kind: z.literal('ready'), nonce: IdSchema }),
  result: z.strictObject({ kind: z.literal('result'), id: IdSchema, value: z.unknown() }),
  error: z.strictObject({ kind: z.literal('error'), id: IdSchema, error: BridgeErrorSchema }),
  ...WALLET_EVENTS,
};
export type PageReply = z.infer<(typeof PAGE_REPLIES)[keyof typeof PAGE_REPLIES]>;
export const parsePageReply = (data: unknown) => parseByKind(PAGE_REPLIES, data);

/** What the value of a `result` must look like, for each request. */
export function resultSchemaFor(request: WalletRequest): z.ZodMiniType {
  switch (request.kind) {
    case 'discover':
      return WalletListSchema;
    case 'select':
      return WalletInfoSchema;
    case 'eth_chainId':
      return ChainIdSchema;
    case 'personal_sign':
      return SignatureSchema;
    default:
      return AccountsSchema;
  }
}

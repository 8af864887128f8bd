import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { bridgeBackgroundContracts, bridgeTabContracts } from '../../../lib/wallet/bridge-contracts';
import { ENVELOPE_TAG } from '../../../lib/messaging/protocol';
import { BRIDGE_ENVELOPE_TAG, BRIDGE_NAMES, parseTabRequestInput } from '../../../lib/wallet/bridge-messages';
import {
  HandshakeBodySchema,
  HandshakeSchema,
  WalletInfoSchema,
  parsePageReply,
  parsePageRequest,
  randomId,
  resultSchemaFor,
} from '../../../lib/wallet/bridge-protocol';
import { BRIDGE_SCRIPT_FILES } from '../../../lib/wallet/bridge-injection';

const id = randomId();
const address = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
const icon = 'data:image/svg+xml;base64,PHN2Zy8+';

describe('bridge protocol: requests into the page', () => {
  it('accepts the four wallet methods plus discover and select', () => {
    for (const request of [
      { kind: 'discover' },
      { kind: 'select', wallet: 'io.metamask' },
      { kind: 'eth_requestAccounts' },
      { kind: 'eth_accounts' },
      { kind: 'eth_chainId' },
      { kind: 'personal_sign', message: '0x6869', address },
    ]) {
      expect(parsePageRequest({ id, request }), request.kind).toEqual({ id, request });
    }
  });

  it('rejects every other method, including ones a page would love to call', () => {
    for (const kind of ['eth_sendTransaction', 'eth_signTypedData_v4', 'wallet_switchEthereumChain', 'eth_sign', 'rpc', '__proto__', 'toString']) {
      expect(parsePageRequest({ id, request: { kind } }), kind).toBeUndefined();
    }
    expect(parsePageRequest({ id, request: { kind: 'eth_accounts', method: 'eth_sendTransaction' } })).toBeUndefined();
  });

  it('rejects look-alike messages: missing or bad id, extra fields, wrong types', () => {
    const good = { id, request: { kind: 'eth_accounts' } };
    expect(parsePageRequest(good)).toBeDefined();
    expect(parsePageRequest({ request: good.request })).toBeUndefined();
    expect(parsePageRequest({ ...good, id: 'abc' })).toBeUndefined();
    expect(parsePageRequest({ ...good, id: id.toUpperCase() })).toBeUndefined();
    expect(parsePageRequest({ ...good, extra: 1 })).toBeUndefined();
    expect(parsePageRequest({ id, request: { kind: 'eth_accounts', params: [] } })).toBeUndefined();
    expect(parsePageRequest(null)).toBeUndefined();
    expect(parsePageRequest('{"id":"x"}')).toBeUndefined();
    expect(parsePageRequest({ id, request: { kind: 'select', wallet: '<img onerror=1>' } })).toBeUndefined();
  });

  it('checks personal_sign arguments: hex bytes and an address', () => {
    const sign = (message: unknown, to: unknown) => parsePageRequest({ id, request: { kind: 'personal_sign', message, address: to } });
    expect(sign('0x6869', address)).toBeDefined();
    expect(sign('hi', address)).toBeUndefined();
    expect(sign('0x686', address)).toBeUndefined(); // odd number of hex digits
    expect(sign('0x', address)).toBeUndefined();
    expect(sign('0x6869', '0x1234')).toBeUndefined();
    expect(sign(`0x${'ab'.repeat(16_385)}`, address)).toBeUndefined(); // over 16 KiB
  });

  it('accepts only a well-formed handshake: a sealed body and its MAC, nothing else', () => {
    const sealed = { body: JSON.stringify({ nonce: id }), mac: 'ab'.repeat(32) };
    expect(HandshakeSchema.safeParse({ type: 'venice-key-wallet/bridge-handshake', ...sealed }).success).toBe(true);
    expect(HandshakeSchema.safeParse({ type: 'venice-key-wallet/bridge-handshake', nonce: id }).success).toBe(false);
    expect(HandshakeSchema.safeParse({ type: 'venice-key-wallet/bridge-handshake!', ...sealed }).success).toBe(false);
    expect(HandshakeSchema.safeParse({ type: 'venice-key-wallet/bridge-handshake', ...sealed, port: 1 }).success).toBe(false);
    expect(HandshakeBodySchema.safeParse({ nonce: id }).success).toBe(true);
    expect(HandshakeBodySchema.safeParse({ nonce: 'x' }).success).toBe(false);
  });

  it('makes random 128-bit ids', () => {
    const ids = new Set(Array.from({ length: 200 }, randomId));
    expect(ids.size).toBe(200);
    for (const value of ids) expect(value).toMatch(/^[0-9a-f]{32}$/);
  });
});

describe('bridge protocol: answers from the page', () => {
  it('parses results, wallet errors with their EIP-1193 code, and events', () => {
    expect(parsePageReply({ kind: 'ready', nonce: id })).toEqual({ kind: 'ready', nonce: id });
    expect(parsePageReply({ kind: 'result', id, value: ['x'] })).toEqual({ kind: 'result', id, value: ['x'] });
    expect(parsePageReply({ kind: 'error', id, error: { code: 4001, message: 'User rejected' } })).toBeDefined();
    expect(parsePageReply({ kind: 'error', id, error: { code: '4001', message: 'User rejected' } })).toBeUndefined();
    expect(parsePageReply({ kind: 'accountsChanged', value: [address] })).toBeDefined();
    expect(parsePageReply({ kind: 'accountsChanged', value: ['not-an-address'] })).toBeUndefined();
    expect(parsePageReply({ kind: 'chainChanged', value: '0x2105' })).toBeDefined();
    expect(parsePageReply({ kind: 'result', value: 1 })).toBeUndefined(); // no id
  });

  it('checks each result by what was asked', () => {
    const signature = `0x${'11'.repeat(65)}`;
    expect(resultSchemaFor({ kind: 'eth_accounts' }).safeParse([address]).success).toBe(true);
    expect(resultSchemaFor({ kind: 'eth_accounts' }).safeParse(address).success).toBe(false);
    expect(resultSchemaFor({ kind: 'eth_chainId' }).safeParse('0x2105').success).toBe(true);
    expect(resultSchemaFor({ kind: 'eth_chainId' }).safeParse(8453).success).toBe(false);
    expect(resultSchemaFor({ kind: 'personal_sign', message: '0x00', address }).safeParse(signature).success).toBe(true);
    expect(resultSchemaFor({ kind: 'personal_sign', message: '0x00', address }).safeParse('0x1234').success).toBe(false);
  });

  it('accepts wallet icons only as image data URIs', () => {
    const info = { uuid: 'u-1', name: 'Wallet', rdns: 'com.example', icon };
    expect(WalletInfoSchema.safeParse(info).success).toBe(true);
    expect(WalletInfoSchema.safeParse({ ...info, icon: 'https://evil.example/icon.png' }).success).toBe(false);
    expect(WalletInfoSchema.safeParse({ ...info, icon: 'data:text/html,<script>1</script>' }).success).toBe(false);
    expect(WalletInfoSchema.safeParse({ ...info, name: '' }).success).toBe(false);
    expect(WalletInfoSchema.safeParse({ ...info, name: 'x'.repeat(101) }).success).toBe(false);
  });
});

describe('bridge contracts (content script <-> background)', () => {
  it('uses the envelope tag of lib/messaging', () => {
    expect(BRIDGE_ENVELOPE_TAG).toBe(ENVELOPE_TAG);
  });

  it('names every contract after BRIDGE_NAMES, all for the signing-tab audience', () => {
    expect(Object.keys(bridgeTabContracts).sort()).toEqual([BRIDGE_NAMES.ping, BRIDGE_NAMES.request].sort());
    expect(Object.keys(bridgeBackgroundContracts).sort()).toEqual([BRIDGE_NAMES.event, BRIDGE_NAMES.hello].sort());
    for (const spec of [...Object.values(bridgeTabContracts), ...Object.values(bridgeBackgroundContracts)]) {
      expect(spec.audience).toBe('signing-tab');
    }
  });

  it('agrees with the content script on what a request input is', () => {
    const inputs = [
      { request: { kind: 'eth_accounts' } },
      { request: { kind: 'personal_sign', message: '0x6869', address } },
      { request: { kind: 'eth_sendTransaction' } },
      { request: { kind: 'eth_accounts' }, extra: true },
      { request: { kind: 'personal_sign', message: 'hi', address } },
    ];
    for (const input of inputs) {
      const background = bridgeTabContracts['bridge.request'].input.safeParse(input).success;
      expect(parseTabRequestInput(input) !== undefined, JSON.stringify(input)).toBe(background);
    }
  });

  it('injects the files WXT builds for the two runtime content scripts', () => {
    const paths = readFileSync(new URL('../../../.wxt/types/paths.d.ts', import.meta.url), 'utf8');
    expect(paths).toContain(`"${BRIDGE_SCRIPT_FILES.main}"`);
    expect(paths).toContain(`"${BRIDGE_SCRIPT_FILES.isolated}"`);
  });
});

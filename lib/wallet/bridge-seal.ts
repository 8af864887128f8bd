/**
 * Authenticates every message between the signing tab's two injected scripts. The
 * background draws one random secret per injection and hands it to both scripts through
 * `scripting.executeScript` `args` (lib/wallet/signing-tab.ts); it never travels on
 * `window`. Each message is sealed as `{ body, mac }`: `body` is the message as JSON and
 * `mac` its HMAC-SHA-256 under that secret, bound to the direction it travels in, so a
 * message one side sent cannot be played back to it. `open` checks the MAC with
 * WebCrypto's `verify` (a constant-time comparison) before it parses anything.
 *
 * What this stops: a script that listens on `window` and keeps the handshake's port, or
 * posts its own handshake or answers, cannot answer in the wallet's name. What it does
 * not stop: a script of the page itself (MAIN world) that wraps the wallet provider, or
 * the built-ins the main-world script uses, sees what the wallet sees (see the README).
 */
import * as z from 'zod/mini';
import { randomId } from './bridge-protocol';

/** 32 random bytes as 64 lowercase hex digits. */
export const SecretSchema = z.string().check(z.regex(/^[0-9a-f]{64}$/));
export const SealedSchema = z.strictObject({ body: z.string(), mac: z.string().check(z.regex(/^[0-9a-f]{64}$/)) });
export type Sealed = z.infer<typeof SealedSchema>;

/** Which way a message travels: the isolated bridge to the page script, or back. */
export type Direction = 'to-page' | 'to-bridge';

/** A new secret (the background draws one per injection with the same randomId(32)). */
export const randomSecret = (): string => randomId(32);

const hexToBytes = (hex: string) => new Uint8Array(hex.match(/../g)!.map((pair) => parseInt(pair, 16)));
const bytesToHex = (bytes: ArrayBuffer) => Array.from(new Uint8Array(bytes), (byte) => byte.toString(16).padStart(2, '0')).join('');
const signed = (direction: Direction, body: string) => new TextEncoder().encode(`${direction}\n${body}`);

export interface Seal {
  seal(direction: Direction, message: unknown): Promise<Sealed>;
  /** The message, when `data` is sealed for `direction` with this secret; `undefined` otherwise. */
  open(direction: Direction, data: unknown): Promise<unknown>;
}

export function createSeal(secret: string): Seal {
  const key = crypto.subtle.importKey('raw', hexToBytes(SecretSchema.parse(secret)), { name: 'HMAC', hash: 'SHA-256' }, false, [
    'sign',
    'verify',
  ]);
  return {
    async seal(direction, message) {
      const body = JSON.stringify(message);
      return { body, mac: bytesToHex(await crypto.subtle.sign('HMAC', await key, signed(direction, body))) };
    },
    async open(direction, data) {
      const sealed = SealedSchema.safeParse(data);
      if (!sealed.success) return undefined;
      const { body, mac } = sealed.data;
      if (!(await crypto.subtle.verify('HMAC', await key, hexToBytes(mac), signed(direction, body)))) return undefined;
      try {
        return JSON.parse(body) as unknown;
      } catch {
        return undefined;
      }
    },
  };
}

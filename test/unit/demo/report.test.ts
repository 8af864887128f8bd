import { describe, expect, it } from 'vitest';
import { assertNoSecret, errorSummary, hexColor, resultLines, sandboxLines, type SandboxKeyView } from '../../../scripts/demo/report';

const KEY: SandboxKeyView = {
  id: '569250f7-217a-4231-b00e-10c98be75690',
  apiKeyType: 'INFERENCE',
  description: 'Venice Key Wallet 2026-11-27',
  last6Chars: 'tE31U0',
  expiresAt: null,
  consumptionLimits: { usd: null, diem: 2.5 },
  limitPeriod: 'EPOCH',
  accessPermitted: true,
};
const BADGE = { text: '1', color: [47, 111, 78, 255], title: 'Venice Key Wallet (…tE31U0)\nCan spend: 1 DIEM' };

describe('demo report', () => {
  it('prints the sandbox lines in the CLI order, then the warning about the development keys', () => {
    const lines = sandboxLines({
      apiUrl: 'http://127.0.0.1:8787/api/v1',
      rpcUrl: 'http://127.0.0.1:4000',
      origin: 'http://127.0.0.1:8787',
      wallets: [{ name: 'staked', address: '0xabc', privateKey: '0x123' }, { name: 'empty', address: '0xdef' }],
    });
    expect(lines.slice(0, 4)).toEqual([
      'sandbox api: http://127.0.0.1:8787/api/v1',
      'sandbox rpc: http://127.0.0.1:4000',
      'sandbox wallet staked: 0xabc 0x123',
      'sandbox wallet empty: 0xdef',
    ]);
    expect(lines.slice(4).join(' ')).toMatch(/anvil's public development keys.*never send real funds/);
  });

  it('prints the key by id, last six and type, its limits and the badge, never more of the key', () => {
    const text = resultLines(KEY, BADGE, ['artifacts/demo-popup.png']).join('\n');
    expect(text).toContain('key id      569250f7-217a-4231-b00e-10c98be75690');
    expect(text).toContain('last six    …tE31U0');
    expect(text).toContain('type        INFERENCE');
    expect(text).toContain('limits      no USD cap, 2.5 DIEM, period EPOCH');
    expect(text).toContain('expires     never');
    expect(text).toContain('text        "1"');
    expect(text).toContain('colour      #2f6f4e');
    expect(text).toContain('title       Venice Key Wallet (…tE31U0) | Can spend: 1 DIEM');
    expect(text).toContain('artifacts/demo-popup.png');
  });

  it('refuses to print a line holding a key, a token or a signature', () => {
    expect(() => assertNoSecret('key VENICE_INFERENCE_KEY_abcdef')).toThrow(/secret/);
    expect(() => assertNoSecret('token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NSJ9.sig')).toThrow(/secret/);
    expect(() => assertNoSecret(`sig 0x${'ab'.repeat(65)}`)).toThrow(/secret/);
    expect(assertNoSecret('last six …tE31U0')).toBe('last six …tE31U0');
    const leaky = { ...KEY, description: 'VENICE_ADMIN_KEY_oops' };
    expect(() => resultLines(leaky, BADGE, [])).toThrow(/secret/);
  });

  it('writes colours as hex, with the alpha only when it is not opaque', () => {
    expect(hexColor([47, 111, 78, 255])).toBe('#2f6f4e');
    expect(hexColor([0, 0, 0, 128])).toBe('#000000 (alpha 128)');
  });

  it('shortens an error to what a person can act on, and masks secrets in it', () => {
    const playwright = new Error('page.evaluate: Target closed\nCall log:\n  - waiting for locator\n  - lots more');
    expect(errorSummary(playwright)).toBe('page.evaluate: Target closed');
    expect(errorSummary(new Error('launch failed\nBrowser logs:\n<launching> /usr/bin/chromium'))).toBe('launch failed');
    expect(errorSummary('a\nb\nc\nd\ne\nf\ng')).toBe('a\nb\nc\nd\ne');
    expect(errorSummary(new Error('got VENICE_INFERENCE_KEY_abc123XYZ back'))).toBe('got [secret hidden] back');
  });
});

// The popup's first paint reads storage before the rest of its code is evaluated
// (entrypoints/popup/first-read.ts): that holds only while first-read is the popup
// script's first import and itself imports nothing heavy, and its failure is never
// an unhandled rejection (the popup then waits for the background).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

const root = path.resolve(import.meta.dirname, '../../..');
const importsOf = (file: string) =>
  [...readFileSync(path.join(root, file), 'utf8').matchAll(/^import\s+(?:type\s+)?[^'"]*?from\s+'([^']+)'|^import\s+'([^']+)'/gm)].map(
    (m) => ({ from: (m[1] ?? m[2])!, typeOnly: /^import\s+type\b/.test(m[0]) }),
  );

describe('the popup script starts its storage read first', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    vi.resetModules();
  });

  it('imports popup/first-read before anything else', () => {
    const imports = importsOf('entrypoints/popup-app.tsx');
    expect(imports.length).toBeGreaterThan(5);
    expect(imports[0]?.from).toBe('./popup/first-read');
  });

  it('evaluates only wxt/browser, stored-read and the list of stored names before it reads', () => {
    expect(importsOf('entrypoints/popup/first-read.ts').filter((i) => !i.typeOnly).map((i) => i.from)).toEqual([
      'wxt/browser',
      './stored-read',
    ]);
    expect(importsOf('entrypoints/popup/stored-read.ts').filter((i) => !i.typeOnly).map((i) => i.from)).toEqual(['../../lib/storage/keys']);
    expect(importsOf('lib/storage/keys.ts')).toEqual([]);
  });

  it('reads on import, and a failing read is handled, not an unhandled rejection', async () => {
    const unhandled: unknown[] = [];
    const record = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', record);
    try {
      vi.spyOn(fakeBrowser.storage.local, 'get').mockRejectedValue(new Error('storage unavailable'));
      const session = vi.spyOn(fakeBrowser.storage.session, 'get');
      const { firstRead } = await import('../../../entrypoints/popup/first-read');
      expect(session).toHaveBeenCalledWith(['vaultSession', 'mintFlow']);
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(unhandled).toEqual([]);
      await expect(firstRead).rejects.toThrow('storage unavailable');
    } finally {
      process.off('unhandledRejection', record);
    }
  });
});

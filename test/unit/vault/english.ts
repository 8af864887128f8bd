/** Makes the fake browser answer i18n.getMessage from locales/en.yml, as the built extension would. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { parse } from 'yaml';

function flatten(node: unknown, prefix: string, out: Record<string, string>): void {
  if (typeof node === 'string') { out[prefix] = node; return; }
  const entries = Object.entries(node as Record<string, unknown>);
  if (entries.length > 0 && entries.every(([k, v]) => /^(\d+|n)$/.test(k) && typeof v === 'string')) {
    out[prefix] = entries.map(([, v]) => v as string).join(' | ');
    return;
  }
  for (const [key, value] of entries) flatten(value, prefix ? `${prefix}_${key}` : key, out);
}

export function useEnglish(): Record<string, string> {
  const messages: Record<string, string> = {};
  flatten(parse(readFileSync(resolve(process.cwd(), 'locales/en.yml'), 'utf8')), '', messages);
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(((key: string, subs?: string | string[]) => {
    const list = subs === undefined ? [] : Array.isArray(subs) ? subs : [subs];
    return (messages[key] ?? '').replace(/\$(\d)/g, (_m, i: string) => list[Number(i) - 1] ?? '');
  }) as never);
  return messages;
}

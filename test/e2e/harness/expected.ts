// What the built extension should say about itself, read from the sources (not hard-coded).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { ROOT } from './paths';

/** The English extension name from locales/en.yml (what __MSG_extName__ resolves to). */
export function expectedExtensionName(): string {
  const messages = parse(readFileSync(path.join(ROOT, 'locales/en.yml'), 'utf8')) as Record<string, unknown>;
  const name = messages.extName;
  if (typeof name !== 'string' || name === '') throw new Error('locales/en.yml has no extName');
  return name;
}

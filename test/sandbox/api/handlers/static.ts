// The signing page and any other file in test/sandbox/page/, served from the sandbox origin.
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Handler } from '../context';
import { SIGNING_PATH } from '../../../../lib/wallet/signing-tab';
import { standardError } from '../reply';

export const PAGE_DIR = fileURLToPath(new URL('../../page/', import.meta.url));

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};

export function contentTypeOf(file: string): string {
  return CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

export const servePage: Handler = async (ctx) => {
  if (ctx.method !== 'GET' && ctx.method !== 'HEAD') return standardError(404);
  // The signing page: at "/" (where demos and tests set the Sandbox Wallet up) and at the path the extension opens.
  const relative = ctx.path === '/' || ctx.path === SIGNING_PATH ? 'index.html' : decodeURIComponent(ctx.path.slice(1));
  const file = normalize(join(PAGE_DIR, relative));
  if (!file.startsWith(PAGE_DIR.endsWith(sep) ? PAGE_DIR : PAGE_DIR + sep)) return standardError(404);
  try {
    if (!(await stat(file)).isFile()) return standardError(404);
    return { status: 200, raw: { contentType: contentTypeOf(file), data: await readFile(file) }, headers: { 'cache-control': 'no-store' } };
  } catch {
    return standardError(404);
  }
};

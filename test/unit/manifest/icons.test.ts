// The icon set (npm run icons renders assets/brand/icon.svg): every size the stores and browsers ask
// for is there, square, at its size, with an alpha channel (transparent outside the tile).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const SIZES = [16, 32, 48, 96, 128];
const root = path.resolve(import.meta.dirname, '../../..');

/** Width, height and colour type from a PNG's IHDR chunk. */
function pngHeader(file: string): { width: number; height: number; colorType: number } {
  const bytes = readFileSync(file);
  expect(bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  expect(bytes.subarray(12, 16).toString('ascii')).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20), colorType: bytes[25]! };
}

describe('icons', () => {
  it.each(SIZES)('public/icon/%i.png is a %i px square PNG with alpha', (size) => {
    const header = pngHeader(path.join(root, 'public/icon', `${size}.png`));
    expect(header).toEqual({ width: size, height: size, colorType: 6 });
  });
});

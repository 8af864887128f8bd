// npm run icons: renders assets/brand/icon.svg into public/icon/<size>.png, the sizes the stores and
// browsers ask for (16, 32, 48, 96, 128). WXT lists them as the manifest's icons. Drawn by Debian's
// Chromium (playwright-core), transparent outside the tile. The PNGs are committed; run this after
// changing the SVG.
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';

const ICON_SIZES = [16, 32, 48, 96, 128] as const;
const root = path.resolve(import.meta.dirname, '..');

async function main(): Promise<void> {
  const svg = readFileSync(path.join(root, 'assets/brand/icon.svg'), 'utf8');
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    const outDir = path.join(root, 'public/icon');
    mkdirSync(outDir, { recursive: true });
    for (const size of ICON_SIZES) {
      const page = await browser.newPage({ viewport: { width: size, height: size } });
      const html = `<html><body style="margin:0;background:transparent">${svg.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body></html>`;
      await page.setContent(html);
      await page.screenshot({ path: path.join(outDir, `${size}.png`), omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
      await page.close();
    }
  } finally {
    await browser.close();
  }
  console.log(`icons: ${ICON_SIZES.join(', ')} px written to public/icon/`);
}

await main();

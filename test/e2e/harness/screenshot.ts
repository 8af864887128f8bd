// Saves a PNG of a Playwright or Puppeteer page under artifacts/ (gitignored).
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { ARTIFACTS_DIR } from './paths';

interface CanScreenshot {
  screenshot(options: { path: `${string}.png`; fullPage?: boolean }): Promise<unknown>;
}

/** Writes artifacts/<name>.png and returns its absolute path. */
export async function screenshot(page: CanScreenshot, name: string): Promise<string> {
  const safe = name.replace(/[^a-zA-Z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'screenshot';
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const file = path.join(ARTIFACTS_DIR, `${safe}.png`) as `${string}.png`;
  await page.screenshot({ path: file });
  return file;
}

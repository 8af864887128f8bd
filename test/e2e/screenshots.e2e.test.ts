// Screenshots of the popup home for the README (docs/screenshots/popup-light.png and
// popup-dark.png): a vault with two keys imported from the sandbox, balances set through
// the sandbox's control routes, in each colour scheme at the popup's real width.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { control, mintKey } from '../sandbox/helpers';
import { launchChromiumWithSandbox, pageErrorsOf, pointAtSandbox, ROOT, screenshot, sendMessage, setUpVault, type ChromiumHarness, type Sandbox } from './harness/index';

const PASSPHRASE = 'quiet-lantern-63-orchard';
const DOCS = path.join(ROOT, 'docs/screenshots');

describe('popup screenshots', () => {
  let h: ChromiumHarness;
  let sandbox: Sandbox;
  let popup: Page;

  /** Sends one protocol message from an extension page, as the popup does. */
  const send = (name: string, input: unknown) => sendMessage(h, name, input);

  beforeAll(async () => {
    ({ h, sandbox } = await launchChromiumWithSandbox());
    const first = await mintKey(sandbox, sandbox.wallets.staked, 'INFERENCE');
    const second = await mintKey(sandbox, sandbox.wallets.staked, 'INFERENCE');
    await control(sandbox.origin, 'POST', `/accounts/${sandbox.wallets.staked.address}/balance`, { diem: 3.2, usd: 18.4, bundled: 5 });
    await pointAtSandbox(h, sandbox, { rpc: false });
    await setUpVault(h, PASSPHRASE);
    expect(await send('vault.import', { secret: first, description: 'Laptop' })).toMatchObject({ ok: true });
    expect(await send('vault.import', { secret: second, description: 'Research agent' })).toMatchObject({ ok: true });
    mkdirSync(DOCS, { recursive: true });
  });
  afterAll(async () => {
    await h?.close();
    await sandbox?.stop();
  });

  for (const scheme of ['light', 'dark'] as const) {
    it(`saves the popup home in ${scheme}`, async () => {
      popup = await h.openPopup();
      await popup.setViewportSize({ width: 360, height: 600 });
      await popup.emulateMedia({ colorScheme: scheme });
      await expect.poll(() => popup.getByTestId('balance-summary').innerText(), { timeout: 30_000 }).toContain('3.2 DIEM');
      await popup.getByTestId('mint-panel').waitFor();
      await expect.poll(() => popup.getByTestId('updated').innerText()).toBe('Updated just now');
      // Nothing may stick out sideways at the popup's width.
      const overflow = await popup.evaluate(() => {
        const main = document.querySelector('main')!;
        return { scroll: main.scrollWidth, client: main.clientWidth, body: document.body.scrollWidth, width: innerWidth };
      });
      expect(overflow.scroll).toBeLessThanOrEqual(overflow.client);
      expect(overflow.body).toBeLessThanOrEqual(overflow.width);
      await popup.screenshot({ path: path.join(DOCS, `popup-${scheme}.png`) });
      // For review only: the same at 400 px, and the part below the fold.
      await popup.setViewportSize({ width: 400, height: 600 });
      await screenshot(popup, `popup-home-${scheme}-400`);
      await popup.locator('main').evaluate((main) => main.scrollTo(0, main.scrollHeight));
      await screenshot(popup, `popup-home-${scheme}-bottom`);
      expect(await pageErrorsOf(popup)).toEqual([]);
      await popup.close();
    });
  }
});

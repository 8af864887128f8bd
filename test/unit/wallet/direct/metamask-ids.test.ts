// Which extension ids the direct path tries: MetaMask's published ones always, a test id
// first only in a build that allows test ids, and never a malformed one.
import { describe, expect, it } from 'vitest';
import { directWalletIds, METAMASK_IDS } from '../../../../lib/wallet/direct/metamask-ids';
import { DOUBLE_CHROME_ID, DOUBLE_FIREFOX_ID } from '../../../wallets/metamask-double/identity';

describe('directWalletIds', () => {
  it.each(['chrome', 'firefox'] as const)('%s: MetaMask stable first, then beta and flask', (browser) => {
    const ids = directWalletIds(browser, { testIds: false }).map((entry) => entry.id);
    expect(ids).toEqual(METAMASK_IDS[browser].map((entry) => entry.id));
    expect(ids[0]).toBe(browser === 'chrome' ? 'nkbihfbeogaeaoehlefnkodbefgpgknn' : 'webextension@metamask.io');
  });

  it('a production build ignores the override', () => {
    expect(directWalletIds('chrome', { testIds: false, override: DOUBLE_CHROME_ID }).map((e) => e.id)).not.toContain(DOUBLE_CHROME_ID);
  });

  it('a test build tries the test double first', () => {
    expect(directWalletIds('chrome', { testIds: true, override: DOUBLE_CHROME_ID })[0]?.id).toBe(DOUBLE_CHROME_ID);
    expect(directWalletIds('firefox', { testIds: true, override: ` ${DOUBLE_FIREFOX_ID} ` })[0]?.id).toBe(DOUBLE_FIREFOX_ID);
  });

  it('drops an override that is not an extension id', () => {
    const ids = directWalletIds('chrome', { testIds: true, override: 'https://evil.example/,,<script>' }).map((e) => e.id);
    expect(ids).toEqual(METAMASK_IDS.chrome.map((e) => e.id));
  });
});

describe('the sandbox build', () => {
  it('looks for the test double by the ids its manifest gives it', async () => {
    const { readFile } = await import('node:fs/promises');
    const config = await readFile(new URL('../../../../wxt.config.ts', import.meta.url), 'utf8');
    const ids = /DIRECT_TEST_WALLET_IDS = '([^']+)'/.exec(config)?.[1]?.split(',');
    expect(ids).toEqual([DOUBLE_CHROME_ID, DOUBLE_FIREFOX_ID]);
  });
});

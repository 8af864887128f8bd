// The windowed demo: the sandbox signing page and the extension's welcome tab (opened by the
// extension itself on install), plain instructions, and the demo keeps running until the browser
// is closed (or Ctrl-C).
import type { Sandbox } from '../../test/sandbox/index';
import type { DemoBrowser } from './browser';

export const INSTRUCTIONS = (apiUrl: string) => `
Chromium is open with Venice Key Wallet loaded and pointed at the sandbox (${apiUrl}).
Nothing here touches real funds or api.venice.ai. Two tabs are open: the sandbox signing page
(its "Sandbox Wallet" panel picks the account: staked) and "Get your Venice API key", the tab
the extension opens when it is installed. In that tab:

  1. Click "Connect wallet". The extension opens its own tab on the signing page: in its
     Sandbox Wallet panel click Approve.
  2. Back in the welcome tab, it says "100 VVV staked". Choose a passphrase of 12 or more
     characters, type it twice and click "Save passphrase and sign". It encrypts the keys kept
     in this demo profile; the profile is recreated on the next run.
  3. In the signing tab, click Approve for the signature. The welcome tab shows your key once,
     with "Copy key" and "Copy as VENICE_API_KEY= line".
  4. The toolbar badge shows the key's balance (puzzle-piece menu → pin Venice Key Wallet); its
     popup, also open as a page at ${'<'}extension>/popup.html, shows the balance and rate limits.

Close the browser window, or press Ctrl-C here, to stop the demo and the sandbox.
`;

/** Opens the signing page and brings the welcome tab forward; resolves when the person closes the browser. */
export async function runHeaded(browser: DemoBrowser, sandbox: Sandbox): Promise<void> {
  const closed = new Promise<void>((resolve) => browser.context.once('close', () => resolve()));
  const isWelcome = (url: string) => url === browser.url('welcome.html');
  // The Sandbox Wallet remembers these (localStorage): the staked account, asking before each request.
  const blank = browser.context.pages().find((p) => p.url() === 'about:blank');
  const signing = blank ?? (await browser.context.newPage());
  await signing.goto(`${sandbox.origin}/?wallet=staked&autoApprove=0&locked=0`);
  // The extension opens its welcome tab on install; open it here if it was closed or not yet opened.
  const opened = browser.context.pages().find((p) => isWelcome(p.url()))
    ?? (await browser.context.waitForEvent('page', { predicate: (p) => isWelcome(p.url()), timeout: 10_000 }).catch(() => undefined));
  const welcome = opened ?? (await browser.context.newPage());
  if (!opened) await welcome.goto(browser.url('welcome.html'));
  await welcome.bringToFront();
  console.log(INSTRUCTIONS(sandbox.apiUrl));
  await closed;
}

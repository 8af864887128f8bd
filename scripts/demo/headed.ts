// The windowed demo: the sandbox signing page and the popup page in tabs, plain instructions, and
// the demo keeps running until the browser is closed (or Ctrl-C).
import type { Sandbox } from '../../test/sandbox/index';
import type { DemoBrowser } from './browser';

export const INSTRUCTIONS = (apiUrl: string) => `
Chromium is open with Venice Key Wallet loaded and pointed at the sandbox (${apiUrl}).
Nothing here touches real funds or api.venice.ai. Two tabs are open: the sandbox signing page
(its "Sandbox Wallet" panel picks the account: staked) and "Venice Key Wallet", the popup page.
In the popup page:

  1. Choose a passphrase of 12 or more characters, type it twice and click "Create the vault".
     It encrypts the keys kept in this demo profile; the profile is recreated on the next run.
  2. Click "Connect wallet". The extension opens its own tab on the signing page: in its
     Sandbox Wallet panel click Approve.
  3. Back in the popup page, it says "100 VVV staked". Click "Mint API key".
  4. In that signing tab, click Approve for the signature. The popup page shows "Key saved"
     with the key's last six characters, and the key's balance at the top. The toolbar badge
     shows it too (puzzle-piece menu → pin Venice Key Wallet; its popup works the same way).

Close the browser window, or press Ctrl-C here, to stop the demo and the sandbox.
`;

/** Opens the two tabs; resolves when the person closes the browser. */
export async function runHeaded(browser: DemoBrowser, sandbox: Sandbox): Promise<void> {
  const closed = new Promise<void>((resolve) => browser.context.once('close', () => resolve()));
  // The Sandbox Wallet remembers these (localStorage): the staked account, asking before each request.
  const signing = browser.context.pages()[0] ?? (await browser.context.newPage());
  await signing.goto(`${sandbox.origin}/?wallet=staked&autoApprove=0&locked=0`);
  const popup = await browser.context.newPage();
  await popup.goto(browser.url('popup.html'));
  await popup.bringToFront();
  console.log(INSTRUCTIONS(sandbox.apiUrl));
  await closed;
}

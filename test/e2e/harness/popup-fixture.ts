// Set-up steps the Chromium popup tests share: a sandbox and a browser with the extension,
// protocol messages sent as the popup sends them, the extension pointed at the sandbox,
// a vault, the Sandbox Wallet approving by itself, and the popup open on an idle mint panel.
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { launchChromium, type ChromiumHarness, type LaunchChromiumOptions } from './chromium';
import { startSandboxForTest, type Sandbox } from './sandbox';

interface ChromeLike {
  chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } };
}

/** A fresh sandbox, then Chromium with the extension; the sandbox is stopped again if Chromium does not start. */
export async function launchChromiumWithSandbox(options: LaunchChromiumOptions = {}): Promise<{ h: ChromiumHarness; sandbox: Sandbox }> {
  const sandbox = await startSandboxForTest();
  try {
    return { h: await launchChromium(options), sandbox };
  } catch (error) {
    await sandbox.stop().catch(() => undefined);
    throw error;
  }
}

/**
 * Sends one protocol message as the popup does, from an extension page
 * (manifest.json: an extension-origin document that runs none of our code).
 */
export async function sendMessage(h: ChromiumHarness, name: string, input: unknown): Promise<unknown> {
  const page = await h.openExtensionPage('manifest.json');
  try {
    return await page.evaluate(
      ([n, i]) => (globalThis as unknown as ChromeLike).chrome.runtime.sendMessage({ tag: 'venice-key-wallet/v1', name: n, input: i }),
      [name, input] as const,
    );
  } finally {
    await page.close();
  }
}

/**
 * Points the extension at the sandbox's API and, unless `rpc: false`, at its chain
 * (the settings contract, as the options page does).
 */
export async function pointAtSandbox(h: ChromiumHarness, sandbox: Sandbox, { rpc = true }: { rpc?: boolean } = {}): Promise<void> {
  const patch = rpc ? { apiBaseUrl: sandbox.apiUrl, rpcUrl: sandbox.rpcUrl } : { apiBaseUrl: sandbox.apiUrl };
  expect(await sendMessage(h, 'settings.set', { patch })).toMatchObject({ ok: true });
}

/** Creates the vault with this passphrase (the vault contract, as the popup's set-up screen does). */
export async function setUpVault(h: ChromiumHarness, passphrase: string): Promise<void> {
  expect(await sendMessage(h, 'vault.setup', { passphrase, confirm: passphrase })).toMatchObject({ ok: true });
}

/** The Sandbox Wallet on the signing origin remembers per origin what one visit chose: the staked wallet, approving by itself. */
export async function autoApproveSandboxWallet(h: ChromiumHarness, sandbox: Sandbox): Promise<void> {
  const setup = await h.context.newPage();
  await setup.goto(`${sandbox.origin}/?autoApprove=1&wallet=staked`);
  await setup.close();
}

/** Opens the popup and waits for its mint panel to be idle. */
export async function openIdlePopup(h: ChromiumHarness, timeout: number): Promise<Page> {
  const popup = await h.openPopup();
  await popup.locator('[data-testid="mint-panel"][data-status="idle"]').waitFor({ timeout });
  return popup;
}

/** The mint tests' last set-up steps: the extension on the sandbox (API and chain), a vault, the popup idle. */
export async function openPopupReadyToMint(h: ChromiumHarness, sandbox: Sandbox, passphrase: string, timeout: number): Promise<Page> {
  await pointAtSandbox(h, sandbox);
  await setUpVault(h, passphrase);
  return openIdlePopup(h, timeout);
}

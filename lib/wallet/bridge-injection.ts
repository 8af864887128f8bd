/**
 * Putting the wallet bridge into the signing tab: the page-world script, then the isolated bridge,
 * each started with the per-injection secret through executeScript `args` (it never travels
 * through the page). Every injection after the first targets the document the first one ran in
 * (Chromium's documentId), so a tab that navigated meanwhile gets no bridge and no secret.
 * lib/wallet/signing-tab.ts owns the tab and turns a failure here into the flow's error.
 */
import type { WalletBrowser } from './browser-types';
import { PAGE_BRIDGE_STARTER, TAB_BRIDGE_STARTER } from './bridge-protocol';

/** Where WXT writes the two runtime-registered content scripts (checked against .output by a test). */
export const BRIDGE_SCRIPT_FILES = {
  main: '/content-scripts/wallet-main.js',
  isolated: '/content-scripts/bridge.js',
} as const;

/** What one injection left in the page: the document it ran in, when the browser reports it (Chromium does). */
export interface Injected {
  documentId: string | undefined;
}

type InjectionResult = { documentId?: string; frameId?: number; result?: unknown };
const firstResult = (results: unknown): InjectionResult | undefined => (Array.isArray(results) ? (results[0] as InjectionResult) : undefined);
// Run in the page's two worlds through executeScript `func`: self-contained, it reaches only the starter it names.
const callStarter = (name: string, secret: string): boolean => {
  const starter = (globalThis as Record<string, unknown>)[name];
  return typeof starter === 'function' && (starter as (secret: string) => unknown)(secret) === true;
};

/** Injects and starts both halves; `started` is false when either starter did not answer true. */
export async function injectBridge(
  scripting: WalletBrowser['scripting'],
  tabId: number,
  secret: string,
  failed: () => Error,
): Promise<Injected & { started: boolean }> {
  const first = firstResult(await scripting.executeScript({ target: { tabId }, world: 'MAIN', files: [BRIDGE_SCRIPT_FILES.main] }));
  const documentId = first?.documentId;
  // false: a page script had taken the starter's name; the page bridge is not started.
  if (first?.result !== true) throw failed();
  const target = documentId === undefined ? { tabId } : { tabId, documentIds: [documentId] };
  const main = await scripting.executeScript({ target, world: 'MAIN', func: callStarter, args: [PAGE_BRIDGE_STARTER, secret] });
  await scripting.executeScript({ target, files: [BRIDGE_SCRIPT_FILES.isolated] });
  const isolated = await scripting.executeScript({ target, func: callStarter, args: [TAB_BRIDGE_STARTER, secret] });
  return { documentId, started: firstResult(main)?.result === true && firstResult(isolated)?.result === true };
}

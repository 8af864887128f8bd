// What a failed Firefox mint test leaves for the next person: the flow's stored state (status,
// error, times; the flow state holds no secret by design), the remembered signing tab, and for each
// tab on the signing origin what the Sandbox Wallet shows. Written to artifacts/<name>.json.
// Nothing else from storage is read: the session area also holds the vault's session key.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { FirefoxHarness } from '../harness/index';
import { ARTIFACTS_DIR } from '../harness/paths';
import { pagesOn } from './sandbox-wallet';

const safeName = (name: string) => name.replace(/[^\w.-]+/g, '-').slice(0, 80);

export async function recordMintFailure(h: FirefoxHarness, origin: string, name: string): Promise<string> {
  const report: Record<string, unknown> = { at: new Date().toISOString() };
  try {
    const session = await h.dumpStorage('session');
    const flow = session.mintFlow as { status?: string; from?: string; updatedAt?: number; error?: { code?: string; message?: string; detail?: string } } | undefined;
    // The detail says which of several causes led to one code (SIGNING_TAB_CLOSED has five); appError redacts it.
    const error = flow?.error && { code: flow.error.code, message: flow.error.message, detail: flow.error.detail };
    report.flow = flow && { status: flow.status, from: flow.from, updatedAt: flow.updatedAt, error };
    report.signingTab = session.walletSigningTab;
    report.backgroundAlive = await h.backgroundAlive().catch((e: unknown) => String(e));
  } catch (error) {
    report.storageError = String(error);
  }
  try {
    const pages = await pagesOn(h.browser, origin);
    report.signingPages = await Promise.all(
      pages.map(async (page) => ({
        url: page.url(),
        dom: await page
          .evaluate(() => ({
            readyState: document.readyState,
            wallet: Boolean(document.querySelector('#sandbox-wallet')),
            requests: [...document.querySelectorAll('#sandbox-wallet li[data-method]')].map((li) => (li as HTMLElement).dataset.method),
            address: document.querySelector('[data-testid="sandbox-wallet-address"]')?.textContent ?? null,
          }))
          .catch((e: unknown) => String(e)),
      })),
    );
  } catch (error) {
    report.pagesError = String(error);
  }
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const file = path.join(ARTIFACTS_DIR, `${safeName(name)}.json`);
  writeFileSync(file, JSON.stringify(report, null, 2));
  return file;
}

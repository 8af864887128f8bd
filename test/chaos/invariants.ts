// The invariants checked after every attempt, against the sandbox's own records (its key store)
// and the wallet's log: no key silently lost, one key and one signature per token at most per
// click, no stuck flow, the badge and popup showing the sandbox's balance after a poll, no leak.
import { compactAmount } from '../../lib/badge/format';
import type { Before, Outcome } from './attempt';
import { sleep } from './flow';
import { findLeaks } from './leaks';
import type { IssuedMint } from '../sandbox/api/issued';
import type { Plan } from './plan';
import type { World } from './world';

export type ViolationKind = 'harness' | 'lost' | 'duplicate-mint' | 'token-signed-twice' | 'stuck' | 'badge' | 'popup' | 'leak';

export interface Violation {
  attempt: number;
  kind: ViolationKind;
  detail: string;
}

export interface AttemptCounts {
  minted: number;
  saved: number;
  shownOnce: number;
  /** Minted, never received or kept, and the person was told a key may exist (check your keys). */
  told: number;
  lost: number;
  duplicates: number;
  /** Minted by the browser's own re-send of a POST whose answer was dropped: the extension sent one
   * request and received the second key; the first key's secret never reached any code of ours. */
  orphaned: number;
}

interface VaultRecord {
  veniceId?: string;
  last6: string;
}

export async function checkAttempt(world: World, plan: Plan, before: Before, outcome: Outcome): Promise<{ counts: AttemptCounts; violations: Violation[] }> {
  const { sandbox, wallet } = world;
  const violations: Violation[] = [];
  const fail = (kind: ViolationKind, detail: string) => violations.push({ attempt: plan.attempt, kind, detail });

  // 1. Every key the sandbox minted is in the vault, or was shown once with its warning, or the person was told.
  const minted = Object.values(sandbox.state.data.keys).filter((key) => !before.keyIds.has(key.id));
  const status = await world.send('vault.status');
  const records = ((status.output as { records?: VaultRecord[] } | undefined)?.records ?? []);
  const inVault = new Set(records.map((r) => r.veniceId));
  const told = [outcome.settled, outcome.final].some((s) => s?.status === 'failed' && s.error?.action === 'check_key');
  const resent = browserResends(world, before, new Set(minted.map((key) => key.id)));
  const counts: AttemptCounts = { minted: minted.length, saved: 0, shownOnce: 0, told: 0, lost: 0, duplicates: Math.max(0, minted.length - 1 - resent.size), orphaned: 0 };
  for (const key of minted) {
    if (inVault.has(key.id)) counts.saved += 1;
    else if (outcome.shownOnce?.warned && outcome.shownOnce.secret.endsWith(key.last6Chars)) counts.shownOnce += 1;
    else if (told) counts.told += 1;
    else if (resent.has(key.id)) counts.orphaned += 1;
    else {
      counts.lost += 1;
      fail('lost', `key …${key.last6Chars} minted, not in the vault, not shown, and the flow ended "${outcome.final.status}"${outcome.final.error ? ` (${outcome.final.error.code})` : ''} without saying so`);
    }
  }

  // 2. One click, one key; a token signed at most once (two signatures only after "JWT has expired").
  if (minted.length - resent.size > 1) {
    const posts = sandbox.requests.list().filter((r) => r.method === 'POST' && r.path.endsWith('/generate_web3_key'));
    fail('duplicate-mint', `${minted.length} keys minted for one click; mint POSTs the sandbox received: ${posts.map((r) => `${r.status || 'dropped'} (connection ${r.connection?.id}#${r.connection?.request})`).join(', ')}`);
  }
  const signed = wallet.signLog.slice(before.signs).map((entry) => entry.message);
  if (new Set(signed).size < signed.length) fail('token-signed-twice', `the wallet was asked to sign the same token ${signed.length - new Set(signed).size + 1} times`);
  if (signed.length > 2) fail('token-signed-twice', `${signed.length} signatures asked for one click`);

  // 3. Never stuck.
  if (outcome.stuck) fail('stuck', outcome.notes.find((n) => n.startsWith('still')) ?? 'no settled state');

  // 4. Badge and popup agree with the sandbox's balance after the next poll (forced: the cached poll is dropped first).
  await checkBadge(world, plan, records.length > 0, fail);

  // 5. No secret anywhere it must not be.
  for (const leak of await findLeaks(world)) fail('leak', `${leak.what} found in ${leak.where}`);
  return { counts, violations };
}

/**
 * The keys minted by a POST the browser re-sent on its own: Chromium re-sends a request, POST
 * included, when a kept-alive connection closes before any answer (HttpNetworkTransaction's
 * ShouldResendRequest). Its marks, all from the sandbox's records: the same signature minted twice;
 * the earlier answer dropped on a connection that had carried a request before; the later one on a
 * fresh connection; and the browser's protocol saw the extension make fewer mint POSTs than the
 * sandbox received (a re-send inside the network stack is not a new request to it). Anything else
 * stays a duplicate mint. Returns the earlier keys: the orphans.
 */
function browserResends(world: World, before: Before, mintedNow: Set<string>): Set<string> {
  const postsByUs = world.mintPosts - before.mintPosts;
  const dropped = world.sandbox.requests
    .list()
    .filter((r) => r.method === 'POST' && r.path.endsWith('/generate_web3_key') && r.status === 0 && r.fault === 'drop');
  const droppedOn = (c?: { id: number; request: number }) => !!c && dropped.some((r) => r.connection?.id === c.id && r.connection.request === c.request);
  const bySignature = new Map<string, IssuedMint[]>();
  for (const mint of world.sandbox.issued.mints().filter((m) => mintedNow.has(m.keyId))) {
    bySignature.set(mint.signature, [...(bySignature.get(mint.signature) ?? []), mint]);
  }
  const orphans = new Set<string>();
  for (const mints of bySignature.values()) {
    for (let i = 0; i + 1 < mints.length; i += 1) {
      const [earlier, later] = [mints[i]!.connection, mints[i + 1]!.connection];
      if (droppedOn(earlier) && (earlier?.request ?? 0) > 1 && later?.request === 1) orphans.add(mints[i]!.keyId);
    }
  }
  const received = world.sandbox.requests.list().filter((r) => r.method === 'POST' && r.path.endsWith('/generate_web3_key')).length;
  return postsByUs >= 1 && received - postsByUs >= orphans.size ? orphans : new Set();
}

async function checkBadge(world: World, plan: Plan, hasKey: boolean, fail: (kind: ViolationKind, detail: string) => void): Promise<void> {
  await world.inExtension(
    () => (globalThis as unknown as { chrome: { storage: { local: { remove(k: string): Promise<void> } } } }).chrome.storage.local.remove('pollCache'),
    null,
  );
  const refreshed = await world.send('toolbar.refresh');
  const outcome = (refreshed.output as { outcome?: string } | undefined)?.outcome;
  const want = hasKey ? compactAmount(plan.diem) : '';
  const badge = await world.h.readBadge();
  if (badge.text !== want) fail('badge', `badge "${badge.text}", the sandbox balance is ${plan.diem} DIEM (poll: ${outcome ?? refreshed.error?.code})`);
  if (!hasKey || !world.popup || world.popup.isClosed()) return;
  const text = `${plan.diem} DIEM`;
  const popup = world.popup;
  const summary = popup.getByTestId('balance-summary');
  let seen = '';
  for (const wait of [2_000, 5_000]) {
    const deadline = Date.now() + wait;
    while (Date.now() < deadline) {
      seen = await summary.innerText({ timeout: 1_000 }).catch(() => '');
      if (seen.includes(text)) return;
      await sleep(200);
    }
    await popup.reload().catch(() => undefined); // then as a person sees it: the popup opened again
  }
  fail('popup', `the popup shows "${seen.replace(/\s+/g, ' ').slice(0, 80)}", the sandbox balance is ${text}`);
}

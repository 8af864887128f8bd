/**
 * Bringing the signing tab's bridge up, and knowing which bridge is the accepted one (the
 * background's end of the bridge, ./bridge-link.ts, sends through it). A live bridge is found
 * by a ping; otherwise the scripts are injected with a fresh secret and the bridge's hello is
 * awaited. The bridge is bound to the document it was injected into: a hello counts only while
 * an injection waits for it and only from that document (documentId, where the browser reports
 * one). The accepted bridge is remembered in storage.session, so a restarted worker pings it.
 *
 * An orphaned request: a ping that reports requests waiting in the page while this worker sent
 * none means a previous worker sent them before it stopped, and nobody would ever get their
 * answer. The page is then loaded again, which ends them with the page, and the bridge is
 * injected anew (instead of the wallet refusing the next request with -32002).
 */
import { AppException, appError } from '../errors';
import { bridgeTabContracts } from './bridge-contracts';
import { call, type Send } from '../messaging/call';
import type { Sender } from '../messaging/handle';
// The channel's secret is randomId(32), as bridge-seal's randomSecret: bridge-seal itself (its schemas) stays out of the background.
import { randomId } from './bridge-protocol';
import type { createSigningTab } from './signing-tab';

/** A bridge whose hello passed the checks: its id, and its document where the browser names one. */
export interface Bridge {
  id: string;
  documentId?: string;
}

export interface BridgeUpOptions {
  tab: ReturnType<typeof createSigningTab>;
  /** How long the injected bridge has to say hello. */
  helloTimeoutMs: number;
  /** Sends to `bridge` in tab `tabId` (./bridge-link.ts: to its document, else the top frame). */
  sendTo(tabId: number, bridge: Bridge): Send;
  /** Settles with the first of: the work, the signing tab closing, the time limit. */
  guarded<T>(work: Promise<T>, timeoutMs: number, onTimeout: () => AppException): Promise<T>;
  /** How many requests this worker sent that the page has not answered yet. */
  inFlight(): number;
}

export function createBridgeUp({ tab, helloTimeoutMs, sendTo, guarded, inFlight }: BridgeUpOptions) {
  /** The bridge whose hello passed the checks; nothing else's ping reply or event is taken. */
  let accepted: Bridge | undefined;
  /** Read back once from storage.session, for a restarted worker. */
  let restoredBridge: Promise<void> | undefined;
  let orphanCleared = false;
  const helloWaiters = new Set<(bridge: Bridge) => void>();

  const forget = () => {
    accepted = undefined;
    void tab.rememberBridge(undefined).catch(() => undefined);
  };

  /** The accepted bridge, if it still answers in the tab, with the requests still waiting in it. */
  async function ping(tabId: number): Promise<{ bridge: Bridge; waiting: number } | undefined> {
    restoredBridge ??= tab.rememberedBridge().then(
      (stored) => {
        if (!accepted && stored) accepted = stored;
      },
      () => undefined,
    );
    await restoredBridge;
    const bridge = accepted;
    if (!bridge) return undefined;
    try {
      const reply = await call(sendTo(tabId, bridge), bridgeTabContracts, 'bridge.ping', { bridgeId: bridge.id });
      return reply.bridgeId === bridge.id ? { bridge, waiting: reply.waiting } : undefined;
    } catch {
      return undefined; // no bridge in the page (new page, or reloaded)
    }
  }

  return {
    current: (): Bridge | undefined => accepted,
    forget,
    /** The tab closed: no bridge is accepted any more. */
    lost(): void {
      accepted = undefined;
    },
    /** True for a message of the accepted bridge, from its document where both sides name one. */
    isFrom: (bridgeId: string, sender: Sender): boolean =>
      accepted !== undefined &&
      bridgeId === accepted.id &&
      (accepted.documentId === undefined || sender.documentId === undefined || sender.documentId === accepted.documentId),
    /** A hello was heard: it counts only while an injection waits for it (see up). */
    heard(bridge: Bridge): void {
      for (const waiter of [...helloWaiters]) waiter(bridge);
    },
    /** A live bridge in tab `tabId`: the accepted one if it answers, else a new one injected. */
    async up(tabId: number): Promise<{ tabId: number; bridge: Bridge }> {
      const live = await ping(tabId);
      if (live && !(live.waiting > 0 && inFlight() === 0)) return { tabId, bridge: live.bridge };
      if (live) {
        // An orphaned request (see the top of this file): the page is loaded again, which ends it.
        forget();
        orphanCleared = true;
        await tab.reload(tabId);
      }
      let heard: (bridge: Bridge) => void = () => undefined;
      const hello = new Promise<Bridge>((resolve) => (heard = resolve));
      helloWaiters.add(heard);
      try {
        const injected = await tab.inject(tabId, randomId(32));
        const said = await guarded(hello, helloTimeoutMs, () => new AppException(appError('SIGNING_TAB_CLOSED', 'The wallet bridge did not start in the signing tab.')));
        // The hello must come from the document the scripts were injected into.
        if (injected.documentId !== undefined && said.documentId !== undefined && said.documentId !== injected.documentId) {
          throw new AppException(appError('SIGNING_TAB_CLOSED', 'The signing page changed while the wallet bridge started.'));
        }
        accepted = { id: said.id, documentId: injected.documentId ?? said.documentId };
        await tab.rememberBridge(accepted);
        return { tabId, bridge: accepted };
      } finally {
        helloWaiters.delete(heard);
      }
    },
    /** True once, after up() reloaded the page to end a request a previous worker had left waiting. */
    takeOrphanCleared(): boolean {
      const cleared = orphanCleared;
      orphanCleared = false;
      return cleared;
    },
  };
}

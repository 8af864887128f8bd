/**
 * The home screen's door to the background: toolbar.get / toolbar.refresh, the saved
 * keys' metadata (vault.status) and the two settings it reads or sets. Typed calls
 * over the message protocol, plus a watch on the stored state behind them, so an
 * open popup follows the badge, and the state read from storage for the first paint.
 * The component gets this object as a prop.
 */

/** Stored items whose change can change what the home screen shows (poll results, settings, vault). */
const WATCHED: Record<string, string[]> = { local: ['pollCache', 'settings', 'vault'], session: ['vaultSession'] };
import { browser } from 'wxt/browser';
import type { HomeApi, HomeKey, HomeSnapshot } from '../../components/Home';
import type { Send } from '../../lib/messaging/call';
import { sendToBackground } from '../../lib/messaging/runtime';
import type { KeyMeta } from '../../lib/vault/record';
import { loadRemote, request } from './request';

/** The saved keys as the home screen lists them: metadata only. */
export const homeKeysOf = (records: KeyMeta[]): HomeKey[] =>
  records.map(({ id, description, last6, expiresAt }) => ({ id, description, last6, expiresAt }));

/** `initial`: the state read from storage at open (cached-state.ts), handed to the first home screen only. */
export function createHomeApi(send: Send = sendToBackground, initial: HomeSnapshot | null = null): HomeApi {
  let snapshot = initial;
  return {
    initial: () => {
      const first = snapshot;
      snapshot = null;
      return first;
    },
    status: () => request(send, 'toolbar.get', {}),
    refresh: () => request(send, 'toolbar.refresh', {}),
    keys: async () => {
      const vault = await request(send, 'vault.status', {});
      return vault.state === 'unlocked' ? homeKeysOf(vault.records) : [];
    },
    pollMinutes: async () => (await request(send, 'settings.get', {})).pollMinutes,
    watch: (listener) => {
      const onChanged = (changes: Record<string, unknown>, area: string) => {
        if (WATCHED[area]?.some((name) => name in changes)) listener();
      };
      browser.storage.onChanged.addListener(onChanged);
      return () => browser.storage.onChanged.removeListener(onChanged);
    },
    setActiveKey: async (id) => {
      const result = await request(send, 'settings.set', { patch: { activeKeyId: id } });
      if (!result.ok) {
        const { RemoteError } = await loadRemote();
        throw new RemoteError({ code: 'INVALID_SETTING', message: result.errors[0]?.reason ?? 'The key could not be chosen.', action: 'fix_input' });
      }
    },
  };
}

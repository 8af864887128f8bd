// Where a secret must never be: console output and uncaught errors, URLs, storage.local and
// storage.session in plain, and the text of the popup (its error messages). The secrets are the
// ones the sandbox handed out (sandbox.issued: keys, tokens) and the signatures the wallet gave.
import type { World } from './world';

export interface Leak {
  where: string;
  /** What kind of secret, and its last 6 characters: never the secret itself. */
  what: string;
}

interface Cursor {
  logs: number;
  urls: number;
}
const cursor: Cursor = { logs: 0, urls: 0 };

/** The popup's text without the one element allowed to hold a key: the key shown once. */
async function popupText(world: World): Promise<string> {
  if (!world.popup || world.popup.isClosed()) return '';
  return world.popup
    .evaluate(() => {
      const copy = document.body.cloneNode(true) as HTMLElement;
      copy.querySelectorAll('[data-testid="shown-once-secret"], [data-testid="revealed-secret"]').forEach((el) => el.remove());
      return copy.textContent ?? '';
    })
    .catch(() => '');
}

/** Searches what appeared since the last call (logs, URLs) and what is there now (storage, popup). */
export async function findLeaks(world: World): Promise<Leak[]> {
  const { sandbox, wallet } = world;
  const secrets: Array<[string, string]> = [
    ...sandbox.issued.keys().map((s): [string, string] => ['API key', s]),
    ...sandbox.issued.tokens().map((s): [string, string] => ['token', s]),
    ...wallet.signLog.flatMap((e): Array<[string, string]> => (e.signature ? [['signature', e.signature]] : [])),
  ];
  const places: Array<[string, string]> = [
    ['console', world.logs.slice(cursor.logs).join('\n')],
    ['URL', [...world.urls.slice(cursor.urls), ...sandbox.issued.targets(), ...world.h.context.pages().map((p) => p.url())].join('\n')],
    ['storage.local', JSON.stringify(await world.storage('local'))],
    ['storage.session', JSON.stringify(await world.storage('session'))],
    ['popup text', await popupText(world)],
  ];
  cursor.logs = world.logs.length;
  cursor.urls = world.urls.length;
  const leaks: Leak[] = [];
  for (const [where, text] of places) {
    for (const [what, secret] of secrets) {
      if (text.includes(secret)) leaks.push({ where, what: `${what} …${secret.slice(-6)}` });
    }
  }
  return leaks;
}

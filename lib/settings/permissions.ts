/**
 * Asking the browser for the optional permissions the settings need, in one
 * prompt: the hosts of changed addresses (host-permissions.ts), and
 * "clipboardRead", which lets the popup read the clipboard back after the
 * clearing delay and empty it only if it still holds the key it copied.
 *
 * Browsers grant permissions only during a user gesture, Firefox only
 * synchronously inside the click handler, so `permissions.request` is the first
 * call here, and callers make it before anything is awaited. The popup's Copy
 * never asks (a prompt there would come after fetching the key, and would
 * interrupt copying a secret); the options page does.
 */
import type { HostNeed } from './host-permissions';

interface PermissionRequest {
  origins?: string[];
  permissions?: string[];
}

export interface PermissionsLike {
  request(permissions: PermissionRequest): Promise<boolean>;
  contains(permissions: PermissionRequest): Promise<boolean>;
}

const CLIPBOARD_READ: PermissionRequest = { permissions: ['clipboardRead'] };

export interface AccessNeeds {
  hosts: HostNeed[];
  /** Ask for clipboardRead too. */
  clipboard: boolean;
}

/** The hosts still missing, and what became of clipboardRead ('not-asked' when it was not part of the request). */
export interface AccessAnswer {
  missing: HostNeed[];
  clipboard: 'granted' | 'refused' | 'not-asked';
}

const held = (permissions: Pick<PermissionsLike, 'contains'>, request: PermissionRequest): Promise<boolean> => {
  try {
    return permissions.contains(request).catch(() => false);
  } catch {
    return Promise.resolve(false);
  }
};

/** Whether the popup may read the clipboard back (granted here, or in the browser's add-on settings). */
export function holdsClipboardRead(permissions: Pick<PermissionsLike, 'contains'>): Promise<boolean> {
  return held(permissions, CLIPBOARD_READ);
}

/**
 * One request for every needed host and, when asked, clipboardRead. What is
 * already held resolves without a prompt. When the request is refused or cannot
 * be made (no gesture, or a host no pattern of the manifest covers, such as
 * http:// outside sandbox builds), each item is checked on its own, so the answer
 * names exactly what is still missing.
 */
export function requestAccess(permissions: PermissionsLike, { hosts, clipboard }: AccessNeeds): Promise<AccessAnswer> {
  const origins = [...new Set(hosts.map((need) => need.pattern))];
  if (origins.length === 0 && !clipboard) return Promise.resolve({ missing: [], clipboard: 'not-asked' });
  let asked: Promise<boolean>;
  try {
    asked = permissions
      .request({ ...(origins.length > 0 && { origins }), ...(clipboard && CLIPBOARD_READ) })
      .catch(() => false);
  } catch {
    asked = Promise.resolve(false);
  }
  return asked.then(async (granted): Promise<AccessAnswer> => {
    const clipboardAnswer = (ok: boolean) => (!clipboard ? 'not-asked' : ok ? 'granted' : 'refused');
    if (granted) return { missing: [], clipboard: clipboardAnswer(true) };
    const [hostsHeld, clipboardHeld] = await Promise.all([
      Promise.all(hosts.map((need) => held(permissions, { origins: [need.pattern] }))),
      clipboard && holdsClipboardRead(permissions),
    ]);
    return { missing: hosts.filter((_, i) => !hostsHeld[i]), clipboard: clipboardAnswer(clipboardHeld) };
  });
}

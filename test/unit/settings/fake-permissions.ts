/**
 * A stand-in for browser.permissions (WXT's fake browser leaves it out) that behaves
 * like the browsers where it matters here: `request` works only during a user
 * gesture (`inGesture`), refuses what the manifest does not declare, resolves true
 * without a prompt when everything is already held, and otherwise "prompts" and
 * answers as told.
 */
interface Request {
  origins?: string[];
  permissions?: string[];
}

export interface FakePermissionsOptions {
  /** Held from the start (the manifest's host_permissions and permissions). */
  granted?: string[];
  /** Optional origins: 'https://*\/*' covers every https pattern. */
  optionalOrigins?: string[];
  optionalPermissions?: string[];
}

export function fakePermissions({
  granted = ['https://api.venice.ai/*', 'https://venice.ai/*', 'https://mainnet.base.org/*'],
  optionalOrigins = ['https://*/*'],
  optionalPermissions = ['notifications', 'clipboardRead'],
}: FakePermissionsOptions = {}) {
  const held = new Set(granted);
  const isHeld = (item: string) => held.has(item) || (item.startsWith('https://') && held.has('https://*/*'));
  const isOptional = (item: string) =>
    optionalPermissions.includes(item) ||
    optionalOrigins.some((o) => o === item || (o === 'https://*/*' && item.startsWith('https://')));
  const items = ({ origins = [], permissions = [] }: Request) => [...origins, ...permissions];

  const fake = {
    held,
    inGesture: false,
    answer: 'grant' as 'grant' | 'deny',
    /** What each prompt asked for. */
    prompts: [] as string[][],
    /** Every request, answered or not. */
    requests: [] as string[][],
    request(req: Request): Promise<boolean> {
      fake.requests.push(items(req));
      if (!fake.inGesture) return Promise.reject(new Error('This function must be called during a user gesture'));
      const missing = items(req).filter((item) => !isHeld(item));
      if (missing.length === 0) return Promise.resolve(true);
      if (!missing.every(isOptional)) return Promise.reject(new Error('Only permissions specified in the manifest may be requested.'));
      fake.prompts.push(missing);
      if (fake.answer === 'deny') return Promise.resolve(false);
      for (const item of missing) held.add(item);
      return Promise.resolve(true);
    },
    contains(req: Request): Promise<boolean> {
      return Promise.resolve(items(req).every(isHeld));
    },
    /** Runs `fn` as a click does: a user gesture for its synchronous part only. */
    gesture<T>(fn: () => T): T {
      fake.inGesture = true;
      try {
        return fn();
      } finally {
        fake.inGesture = false;
      }
    },
  };
  return fake;
}

export type FakePermissions = ReturnType<typeof fakePermissions>;

// Bench section: what polling costs Venice. The real poller (lib/toolbar createToolbar), wired as
// entrypoints/background/services.ts wires it (vaultKeySource over the real vault, the real Venice client with
// no retries), runs in Node against the sandbox API. Storage is WXT's fake browser, alarms are
// fakes that fire when a simulated clock passes them, and the poll cache lives in memory.
// Requests are counted in the sandbox's own request log.
import { SANDBOX_BUILD } from '../../lib/settings/build-policy';
import { type Hex } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS } from '../../lib/settings/schema';
import type { BadgePrefs } from '../../lib/badge/schema';
import { startSandbox, type Sandbox } from '../sandbox/index';

const MIN = 60_000;
const PERIOD = DEFAULT_SETTINGS.pollMinutes * MIN;
const PERIODS = 12;
const RATE_LIMITS = 'GET /api/v1/api_keys/rate_limits';
const PASSPHRASE = 'copper-meadow-84-kettle';

/** GET a token, sign it with the wallet, POST the mint; returns the new key (never print it). */
export async function mintSandboxKey(apiUrl: string, privateKey: Hex, description: string, apiKeyType: 'INFERENCE' | 'ADMIN' = 'INFERENCE'): Promise<string> {
  const account = privateKeyToAccount(privateKey);
  const tokenRes = await fetch(`${apiUrl}/api_keys/generate_web3_key`);
  const token = ((await tokenRes.json()) as { data?: { token?: string } }).data?.token;
  if (tokenRes.status !== 200 || typeof token !== 'string') throw new Error(`GET token answered ${tokenRes.status}`);
  const signature = await account.signMessage({ message: token });
  const mintRes = await fetch(`${apiUrl}/api_keys/generate_web3_key`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ address: account.address, signature, token, apiKeyType, description }),
  });
  const apiKey = ((await mintRes.json()) as { data?: { apiKey?: unknown } }).data?.apiKey;
  if (mintRes.status !== 200 || typeof apiKey !== 'string') throw new Error(`POST mint answered ${mintRes.status}`);
  return apiKey;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length === 0 ? NaN : s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

/** The poller over the real vault and client, on a simulated clock; `sandbox.clock` follows it. */
async function buildWorld(sandbox: Sandbox) {
  // wxt/browser reads globalThis.chrome when first imported: load lib code only after this.
  const { createToolbar } = await import('../../lib/toolbar/poller');
  const { memoryPollCache } = await import('../../lib/toolbar/cache');
  const { vaultKeySource } = await import('../../lib/toolbar/vault-source');
  const { createVault } = await import('../../lib/vault/vault');
  const { defineStoredItems } = await import('../../lib/storage/items');
  const { vault: vaultItem, vaultGuard, vaultSession } = defineStoredItems();
  const { createVeniceClient } = await import('../../lib/venice/client');

  const t0 = Date.now();
  let now = t0;
  let alarm: number | null = null;
  const requestTimes: number[] = [];
  const pollMs: number[] = [];
  const vault = createVault({ vault: vaultItem, guard: vaultGuard, session: vaultSession }, {
    now: () => now,
    prefs: async () => ({ autoLockMinutes: 0, clipboardClearSeconds: 30, apiBaseUrl: sandbox.apiUrl }),
  });
  await vault.setup(PASSPHRASE, PASSPHRASE);
  const staked = sandbox.wallets.staked.privateKey!;
  const ids: string[] = [];
  for (const description of ['bench active', 'bench other']) {
    const secret = await mintSandboxKey(sandbox.apiUrl, staked, description);
    ids.push((await vault.saveKey({ description, source: 'minted', type: 'INFERENCE', limits: {} }, secret)).id);
  }
  const source = vaultKeySource(vault, async () => ids[0]!);
  const prefs: BadgePrefs = { ...DEFAULT_SETTINGS };
  const poller = createToolbar({
    getVaultState: source.getVaultState,
    getActiveKey: source.getActiveKey,
    // As toolbar.ts: no client retries, the secret read from the vault only now.
    fetchRateLimits: async (key) => {
      requestTimes.push(now);
      return createVeniceClient({ baseUrl: key.apiBaseUrl, build: SANDBOX_BUILD, retries: 0 }).getRateLimits({ apiKey: await source.secretOf(key) });
    },
    getPrefs: async () => prefs,
    cache: memoryPollCache(),
    alarms: { create: (_name, { when }) => void (alarm = when), clear: () => void (alarm = null) },
    now: () => now,
    setBadge: async () => undefined,
  });
  const setNow = (t: number) => {
    now = t;
    sandbox.clock.setOffset(now - Date.now());
  };
  /** Moves the clock to `end`, firing the alarm whenever it falls due (as the browser does). */
  const advanceTo = async (end: number) => {
    while (alarm !== null && alarm <= end) {
      setNow(Math.max(now, alarm));
      alarm = null;
      const before = requestTimes.length;
      const start = performance.now();
      await poller.handleAlarm({ name: 'venice-poll' });
      if (requestTimes.length > before) pollMs.push(performance.now() - start);
    }
    setNow(end);
  };
  return { poller, vault, requestTimes, pollMs, advanceTo, now: () => now, alarmSet: () => alarm !== null, t0 };
}

type World = Awaited<ReturnType<typeof buildWorld>>;

/**
 * Runs `periods` polling periods from now in one-minute steps. Each minute the poller is also woken
 * the way the background wakes it (a trigger's tick) and read the way the popup reads it (status):
 * neither may cause a request that is not due. Returns the simulated times of the requests sent.
 */
async function run(w: World, sandbox: Sandbox, periods: number, onStart: () => Promise<unknown>) {
  sandbox.requests.clear();
  const from = w.now();
  const first = w.requestTimes.length;
  await onStart();
  for (let m = 1; m * MIN <= periods * PERIOD; m++) {
    await w.advanceTo(Math.min(from + m * MIN, from + periods * PERIOD - 1));
    await w.poller.tick();
    await w.poller.status();
  }
  const logged = sandbox.requests.list().filter((r) => `${r.method} ${r.path}` === RATE_LIMITS);
  const times = w.requestTimes.slice(first).map((t) => t - from);
  if (logged.length !== times.length) throw new Error(`sandbox logged ${logged.length} requests, the poller sent ${times.length}`);
  const perPeriod = Array.from({ length: periods }, (_, k) => times.filter((t) => Math.floor(t / PERIOD) === k).length);
  const statuses = [...new Set(logged.map((r) => r.status))].join('/') || '-';
  return { times, perPeriod, statuses, other: sandbox.requests.list().length - logged.length };
}

const minutes = (times: number[]) => times.map((t) => Math.round(t / MIN));
const gaps = (times: number[]) => minutes(times.slice(1).map((t, i) => t - times[i]!));

export async function bench(): Promise<Record<string, number | string>> {
  const g = globalThis as { chrome?: unknown };
  const hadChrome = 'chrome' in g;
  if (!hadChrome) g.chrome = fakeBrowser;
  const sandbox = await startSandbox({ quiet: true });
  try {
    const w = await buildWorld(sandbox);
    console.log(`poller: real createToolbar + vault (2 keys, 1 active) + Venice client vs sandbox; period ${PERIOD / MIN} min, ${PERIODS} periods per phase`);

    const active = await run(w, sandbox, PERIODS, () => w.poller.tick());
    const maxPer = Math.max(...active.perPeriod);
    console.log(`unlocked, healthy: ${active.times.length} requests at min ${minutes(active.times).join(',')} (${active.statuses}); per period ${active.perPeriod.join(' ')} -> max ${maxPer} ${maxPer <= 1 ? '(<= 1: ok)' : '(OVER 1)'}`);

    const locked = await run(w, sandbox, PERIODS, async () => {
      await w.vault.lock();
      await w.poller.refresh();
    });
    console.log(`locked: ${locked.times.length} requests, ${locked.other} other API calls, alarm ${w.alarmSet() ? 'still set' : 'cleared'} ${locked.times.length === 0 ? '(0: ok)' : '(NOT 0)'}`);

    sandbox.faults.add({ kind: 'status', status: 500, method: 'GET', path: '/api_keys/rate_limits', count: 10_000 });
    const failing = await run(w, sandbox, 2 * PERIODS, async () => {
      await w.vault.unlock(PASSPHRASE);
      await w.poller.tick();
    });
    const failing12 = failing.times.filter((t) => t < PERIODS * PERIOD);
    console.log(`500 on rate_limits: ${failing12.length} requests in ${PERIODS} periods (healthy: ${active.times.length}); over ${2 * PERIODS} periods at min ${minutes(failing.times).join(',')}, gaps ${gaps(failing.times).join(',')} min (${failing.statuses})`);

    sandbox.faults.clear();
    const recovered = await run(w, sandbox, PERIODS, async () => undefined);
    console.log(`faults cleared: ${recovered.times.length} requests at min ${minutes(recovered.times).join(',')}, gaps ${gaps(recovered.times).join(',')} min (${recovered.statuses})`);
    console.log(`one poll (alarm -> vault decrypt -> GET -> parse -> cache), real time: median ${median(w.pollMs).toFixed(1)} ms over ${w.pollMs.length}`);

    return {
      period_min: PERIOD / MIN,
      periods: PERIODS,
      active_requests: active.times.length,
      active_max_per_period: maxPer,
      active_requests_per_period: Math.round((active.times.length / PERIODS) * 100) / 100,
      locked_requests: locked.times.length + locked.other,
      error_requests: failing12.length,
      error_gaps_min: gaps(failing.times).join(','),
      recovered_requests: recovered.times.length,
      poll_median_ms: Math.round(median(w.pollMs) * 10) / 10,
    };
  } finally {
    await sandbox.stop();
    if (!hadChrome) delete g.chrome;
  }
}

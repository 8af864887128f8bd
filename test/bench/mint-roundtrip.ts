// Bench section: the full wallet protocol against the local sandbox, timed end to
// end from the client side: GET a token, sign it with the staked wallet, POST the mint.
import { type Hex } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { startSandbox } from '../sandbox/index';

const RUNS = 50;
const WARMUP = 3;

async function roundTrip(apiUrl: string, address: Hex, sign: (message: string) => Promise<Hex>): Promise<void> {
  const tokenRes = await fetch(`${apiUrl}/api_keys/generate_web3_key`);
  const tokenBody = (await tokenRes.json()) as { data?: { token?: string } };
  const token = tokenBody.data?.token;
  if (tokenRes.status !== 200 || typeof token !== 'string') throw new Error(`GET token answered ${tokenRes.status}`);
  const signature = await sign(token);
  const mintRes = await fetch(`${apiUrl}/api_keys/generate_web3_key`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ address, signature, token, apiKeyType: 'INFERENCE' }),
  });
  const mintBody = (await mintRes.json()) as { data?: { apiKey?: unknown } };
  // Never print the key; only check that one came back.
  if (mintRes.status !== 200 || typeof mintBody.data?.apiKey !== 'string') throw new Error(`POST mint answered ${mintRes.status}`);
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};
const round = (n: number) => Math.round(n * 100) / 100;

export async function bench(): Promise<Record<string, number | string>> {
  const sandbox = await startSandbox({ quiet: true });
  try {
    const wallet = sandbox.wallets.staked;
    if (!wallet.privateKey) throw new Error('the staked sandbox wallet has no private key');
    const account = privateKeyToAccount(wallet.privateKey);
    const sign = (message: string) => account.signMessage({ message });
    for (let i = 0; i < WARMUP; i++) await roundTrip(sandbox.apiUrl, account.address, sign);
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const t0 = performance.now();
      await roundTrip(sandbox.apiUrl, account.address, sign);
      times.push(performance.now() - t0);
    }
    const sorted = [...times].sort((a, b) => a - b);
    const figures = {
      runs: RUNS,
      median_ms: round(median(times)),
      p90_ms: round(sorted[Math.ceil(RUNS * 0.9) - 1]!),
      min_ms: round(sorted[0]!),
      max_ms: round(sorted[RUNS - 1]!),
    };
    console.log(`mint round trip (GET token, sign, POST mint) x${RUNS}: median ${figures.median_ms} ms, p90 ${figures.p90_ms} ms`);
    return figures;
  } finally {
    await sandbox.stop();
  }
}

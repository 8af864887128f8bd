// GET /x402/balance/{walletAddress}: authenticated by Sign-In-With-X for that same wallet.
import type { Handler } from '../context';
import { fail, ok } from '../reply';
import type { SiwxVerifier } from '../siwx';

const WALLET = /^(0x[a-fA-F0-9]{40}|[1-9A-HJ-NP-Za-km-z]{32,44})$/;
export const MINIMUM_TOP_UP_USD = 5;
export const SUGGESTED_TOP_UP_USD = 10;
export const MINIMUM_BALANCE_USD = 0.1;
const INVALID_SIWX = 'Invalid Sign-in-with-x signature';

export function x402Balance(siwx: SiwxVerifier): Handler {
  return async (ctx) => {
    const wallet = ctx.params.walletAddress ?? '';
    if (!WALLET.test(wallet)) {
      return fail(400, 'Invalid request parameters', { details: { _errors: [], walletAddress: { _errors: ['Invalid wallet address'] } } });
    }
    const header = ctx.headers['sign-in-with-x'] ?? ctx.headers['x-sign-in-with-x'];
    if (typeof header !== 'string' || header === '') return fail(401, INVALID_SIWX);
    const result = await siwx.verify(header, ctx.deps.clock.now());
    if (!result.ok) return fail(401, INVALID_SIWX);
    if (result.address.toLowerCase() !== wallet.toLowerCase()) return fail(403, 'You can only access resources for your own wallet');

    const { store } = ctx.deps;
    const walletKey = wallet.toLowerCase();
    const balanceUsd = store.data.x402[walletKey] ?? 0;
    const accountId = store.data.wallets[walletKey];
    const diem = accountId ? (store.account(accountId)?.balances.diem ?? 0) : 0;
    return ok({
      success: true,
      data: {
        walletAddress: walletKey,
        balanceUsd,
        canConsume: balanceUsd >= MINIMUM_BALANCE_USD || diem > 0,
        minimumTopUpUsd: MINIMUM_TOP_UP_USD,
        suggestedTopUpUsd: SUGGESTED_TOP_UP_USD,
        ...(diem > 0 ? { diemBalanceUsd: diem } : {}),
      },
    });
  };
}

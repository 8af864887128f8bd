// GET /billing/balance (ADMIN): the account's balances and DIEM allocation.
import { authenticate } from '../auth';
import type { Handler } from '../context';
import { isReply, ok } from '../reply';

export const billingBalance: Handler = (ctx) => {
  const auth = authenticate(ctx, 'admin');
  if (isReply(auth)) return auth;
  const { balances, diemEpochAllocation } = auth.account;
  // Spending order: DIEM, then bundled credits, then USD.
  const consumptionCurrency =
    balances.diem > 0 ? 'DIEM' : balances.bundled > 0 ? 'BUNDLED_CREDITS' : balances.usd > 0 ? 'USD' : null;
  return ok({
    canConsume: consumptionCurrency !== null,
    consumptionCurrency,
    balances: { diem: diemEpochAllocation > 0 || balances.diem > 0 ? balances.diem : null, usd: balances.usd },
    diemEpochAllocation,
  });
};

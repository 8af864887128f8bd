/** Schema of GET /billing/balance. */
import * as z from 'zod/mini';

export const ConsumptionCurrencySchema = z.enum(['USD', 'VCU', 'DIEM', 'BUNDLED_CREDITS']);

export const BillingBalanceResponseSchema = z.object({
  canConsume: z.boolean(),
  consumptionCurrency: z.nullable(ConsumptionCurrencySchema),
  balances: z.object({
    /** Remaining DIEM of the current epoch; null when not staking. */
    diem: z.nullable(z.number()),
    usd: z.nullable(z.number()),
  }),
  /** Total DIEM of the epoch, to show balances.diem as a share. */
  diemEpochAllocation: z.number(),
});
export type BillingBalanceResponse = z.infer<typeof BillingBalanceResponseSchema>;

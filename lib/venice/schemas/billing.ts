/** Schema of GET /billing/balance. */
import { z } from 'zod';

export const ConsumptionCurrencySchema = z.enum(['USD', 'VCU', 'DIEM', 'BUNDLED_CREDITS']);

export const BillingBalanceResponseSchema = z.object({
  canConsume: z.boolean(),
  consumptionCurrency: ConsumptionCurrencySchema.nullable(),
  balances: z.object({
    /** Remaining DIEM of the current epoch; null when not staking. */
    diem: z.number().nullable(),
    usd: z.number().nullable(),
  }),
  /** Total DIEM of the epoch, to show balances.diem as a share. */
  diemEpochAllocation: z.number(),
});
export type BillingBalanceResponse = z.infer<typeof BillingBalanceResponseSchema>;

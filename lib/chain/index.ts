export {
  BASE_CHAIN_ID,
  DEFAULT_BASE_RPC_URL,
  STAKING_CONTRACT_URL,
  SVVV_ADDRESS,
  TOKEN_DECIMALS,
  VVV_ADDRESS,
  balanceOfAbi,
} from './constants';
export { readEligibility } from './eligibility';
export type { Eligibility, ReadEligibilityOptions } from './eligibility';
export { formatSvvv, formatTokenAmount, formatVvv } from './format';

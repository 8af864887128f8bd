// anvil's well-known development accounts (the public "test test ... junk" mnemonic).
// These keys are public knowledge: never use them on a real network.
import { type Hex, toHex } from 'viem';
import { type HDAccount, mnemonicToAccount } from 'viem/accounts';

export const DEV_MNEMONIC = 'test test test test test test test test test test test junk';

export interface DevAccount {
  address: Hex;
  privateKey: Hex;
  account: HDAccount;
}

export function devAccount(index: number): DevAccount {
  const account = mnemonicToAccount(DEV_MNEMONIC, { addressIndex: index });
  const key = account.getHdKey().privateKey;
  if (!key) throw new Error(`no private key for dev account ${index}`);
  return { address: account.address, privateKey: toHex(key), account };
}

/** Which dev account plays which part in the sandbox. */
export const ROLES = { deployer: 0, staked: 1, liquid: 2, empty: 3, contractOwner: 4 } as const;

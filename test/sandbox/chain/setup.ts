// Places the contracts at their real Base addresses and gives the sandbox wallets their balances,
// with real transactions sent from anvil's development accounts.
import {
  type Account,
  type Hex,
  createPublicClient,
  createTestClient,
  createWalletClient,
  encodeFunctionData,
  getAddress,
  http,
  pad,
  parseEther,
} from 'viem';
import { ROLES, devAccount } from './accounts';
import { sandboxBase } from './chain';
import { STAKING_ADDRESS, VVV_ADDRESS, compiled, erc20Abi, smartWalletAbi, stakingAbi, vvvAbi } from './contracts';

export interface SandboxWallet {
  name: 'staked' | 'liquid' | 'empty' | 'contract';
  address: Hex;
  /** The key that signs for this wallet. For `contract` it is the key of the wallet's owner EOA. */
  privateKey?: Hex;
  /** Only for `contract`: the EOA whose signatures the ERC-1271 wallet accepts. */
  owner?: Hex;
}

export interface SandboxWallets {
  staked: SandboxWallet;
  liquid: SandboxWallet;
  empty: SandboxWallet;
  contract: SandboxWallet;
}

/** Starting balances, in whole tokens. */
export const SEED = { stakedMint: '1000', stakedStake: '100', liquidMint: '500', contractMint: '200', contractStake: '50' };

export async function setupChain(rpcUrl: string): Promise<SandboxWallets> {
  const chain = sandboxBase(rpcUrl);
  const transport = http(rpcUrl);
  const publicClient = createPublicClient({ chain, transport });
  const testClient = createTestClient({ chain, transport, mode: 'anvil' });
  const code = compiled();

  const deployer = devAccount(ROLES.deployer);
  const staked = devAccount(ROLES.staked);
  const liquid = devAccount(ROLES.liquid);
  const empty = devAccount(ROLES.empty);
  const owner = devAccount(ROLES.contractOwner);

  await testClient.setCode({ address: VVV_ADDRESS, bytecode: code.VeniceToken.deployedBytecode });
  await testClient.setCode({ address: STAKING_ADDRESS, bytecode: code.VeniceStaking.deployedBytecode });
  const minterSlot = code.VeniceToken.storageSlots.minter;
  if (minterSlot === undefined) throw new Error('compiled.json has no minter slot');
  await testClient.setStorageAt({ address: VVV_ADDRESS, index: minterSlot, value: pad(deployer.address) });

  const send = async (account: Account, to: Hex, data: Hex) => {
    const wallet = createWalletClient({ account, chain, transport });
    const hash = await wallet.sendTransaction({ to, data });
    const receipt = await publicClient.waitForTransactionReceipt({ hash, pollingInterval: 20 });
    if (receipt.status !== 'success') throw new Error(`sandbox setup transaction to ${to} reverted`);
  };
  const mint = (to: Hex, amount: string) =>
    send(deployer.account, VVV_ADDRESS, encodeFunctionData({ abi: vvvAbi, functionName: 'mint', args: [to, parseEther(amount)] }));
  const approveData = (amount: string) =>
    encodeFunctionData({ abi: erc20Abi, functionName: 'approve', args: [STAKING_ADDRESS, parseEther(amount)] });
  const stakeData = (amount: string) =>
    encodeFunctionData({ abi: stakingAbi, functionName: 'stake', args: [parseEther(amount)] });

  await mint(staked.address, SEED.stakedMint);
  await mint(liquid.address, SEED.liquidMint);
  await send(staked.account, VVV_ADDRESS, approveData(SEED.stakedStake));
  await send(staked.account, STAKING_ADDRESS, stakeData(SEED.stakedStake));

  const deployHash = await createWalletClient({ account: deployer.account, chain, transport }).deployContract({
    abi: code.SandboxSmartWallet.abi,
    bytecode: code.SandboxSmartWallet.bytecode,
    args: [owner.address],
  });
  const deployed = await publicClient.waitForTransactionReceipt({ hash: deployHash, pollingInterval: 20 });
  if (!deployed.contractAddress) throw new Error('the sandbox smart wallet was not deployed');
  const contractAddress = getAddress(deployed.contractAddress);
  const execute = (target: Hex, data: Hex) =>
    send(owner.account, contractAddress, encodeFunctionData({ abi: smartWalletAbi, functionName: 'execute', args: [target, 0n, data] }));
  await mint(contractAddress, SEED.contractMint);
  await execute(VVV_ADDRESS, approveData(SEED.contractStake));
  await execute(STAKING_ADDRESS, stakeData(SEED.contractStake));

  // "empty" holds nothing at all, not even gas.
  await testClient.setBalance({ address: empty.address, value: 0n });

  return {
    staked: { name: 'staked', address: staked.address, privateKey: staked.privateKey },
    liquid: { name: 'liquid', address: liquid.address, privateKey: liquid.privateKey },
    empty: { name: 'empty', address: empty.address, privateKey: empty.privateKey },
    contract: { name: 'contract', address: contractAddress, privateKey: owner.privateKey, owner: owner.address },
  };
}

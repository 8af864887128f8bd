// Reads stake from the sandbox chain: a real anvil (chain id 8453) with the VVV and sVVV
// contracts at their Base addresses and the sandbox wallets funded by real transactions.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppException } from '../../../lib/errors';
import { toFunctionSelector } from 'viem';
import { BALANCE_OF_SELECTOR, STAKING_CONTRACT_URL, SVVV_ADDRESS, VVV_ADDRESS } from '../../../lib/chain/constants';
import { readEligibility } from '../../../lib/chain/eligibility';
import { STAKING_ADDRESS, VVV_ADDRESS as SANDBOX_VVV, startSandbox, type Sandbox } from '../../sandbox';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ quiet: true });
});
afterAll(async () => {
  await sandbox?.stop();
});

const WEI = 10n ** 18n;

describe('readEligibility on the sandbox chain', () => {
  it('uses the real Base addresses', () => {
    expect(SVVV_ADDRESS.toLowerCase()).toBe(STAKING_ADDRESS.toLowerCase());
    expect(VVV_ADDRESS.toLowerCase()).toBe(SANDBOX_VVV.toLowerCase());
    expect(BALANCE_OF_SELECTOR).toBe(toFunctionSelector('function balanceOf(address account) view returns (uint256)'));
    expect(STAKING_CONTRACT_URL).toBe('https://basescan.org/address/0x321b7ff75154472B18EDb199033fF4D116F340Ff');
  });

  it('finds the staked wallet eligible, with its sVVV and remaining VVV', async () => {
    const result = await readEligibility({ address: sandbox.wallets.staked.address, rpcUrl: sandbox.rpcUrl });
    // The sandbox mints 1000 VVV to this wallet and stakes 100 of it.
    expect(result).toEqual({ staked: 100n * WEI, liquid: 900n * WEI, eligible: true });
  });

  it('explains a wallet with VVV that is not staked', async () => {
    const result = await readEligibility({ address: sandbox.wallets.liquid.address, rpcUrl: sandbox.rpcUrl });
    expect(result).toEqual({ staked: 0n, liquid: 500n * WEI, eligible: false, reason: 'liquid-not-staked' });
  });

  it('explains a wallet with nothing', async () => {
    const result = await readEligibility({ address: sandbox.wallets.empty.address.toLowerCase(), rpcUrl: sandbox.rpcUrl });
    expect(result).toEqual({ staked: 0n, liquid: 0n, eligible: false, reason: 'none' });
  });

  it('reads a smart-contract wallet the same way', async () => {
    const result = await readEligibility({ address: sandbox.wallets.contract.address, rpcUrl: sandbox.rpcUrl });
    expect(result.eligible).toBe(true);
    expect(result.staked).toBe(50n * WEI);
  });

  it('sends its calls through the given fetch', async () => {
    const bodies: string[] = [];
    const spy = ((url: string, init: RequestInit) => {
      bodies.push(String(init.body));
      return fetch(url, init);
    }) as typeof fetch;
    await readEligibility({ address: sandbox.wallets.staked.address, rpcUrl: sandbox.rpcUrl, fetch: spy });
    expect(bodies.join('\n')).toContain('eth_call');
    expect(bodies.join('\n')).not.toContain('aggregate3'); // no multicall: plain balanceOf calls
  });
});

describe('readEligibility when Base cannot be read', () => {
  it('reports rpc-unreachable (a warning, not an error) when nothing listens', async () => {
    const started = Date.now();
    const result = await readEligibility({ address: sandbox.wallets.staked.address, rpcUrl: 'http://127.0.0.1:9', timeoutMs: 500 });
    expect(result).toEqual({ staked: 0n, liquid: 0n, eligible: false, reason: 'rpc-unreachable' });
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('reports rpc-unreachable when the RPC hangs past the timeout', async () => {
    const hanging = ((_url: string, init: RequestInit) =>
      new Promise((_resolve, reject) => init.signal?.addEventListener('abort', () => reject(new Error('aborted'))))) as typeof fetch;
    const started = Date.now();
    const result = await readEligibility({ address: sandbox.wallets.staked.address, rpcUrl: sandbox.rpcUrl, fetch: hanging, timeoutMs: 300 });
    expect(result.reason).toBe('rpc-unreachable');
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it('refuses a value that is not an address', async () => {
    await expect(readEligibility({ address: '0x1234', rpcUrl: sandbox.rpcUrl })).rejects.toBeInstanceOf(AppException);
  });
});

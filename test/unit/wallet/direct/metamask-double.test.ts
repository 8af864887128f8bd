// The MetaMask test double speaks MetaMask's external-port protocol: a port carrying
// object-multiplex frames, whose `metamask-provider` substream is JSON-RPC. Checked two ways:
// raw frames on the port (what MetaMask's side sends and expects), and MetaMask's own
// StreamProvider (lib/wallet/direct/metamask-port.ts) on the other end.
import { describe, expect, it } from 'vitest';
import { toHex, verifyMessage, type Hex } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { providerOverPort } from '../../../../lib/wallet/direct/metamask-port';
import { portPair } from '../../../wallets/metamask-double/port-pair';
import { createDouble } from '../../../wallets/metamask-double/serve';

// anvil's first two development keys (public test keys).
const FIRST: Hex = '0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80';
const SECOND: Hex = '0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d';
const first = privateKeyToAccount(FIRST).address;
const second = privateKeyToAccount(SECOND).address;

function connected() {
  const double = createDouble({ first: FIRST, second: SECOND });
  const [ours, theirs] = portPair();
  double.serve(theirs);
  const connection = providerOverPort(ours);
  return { double, connection, provider: connection.provider, ours };
}

describe('the MetaMask double on the wire', () => {
  it('answers a raw JSON-RPC frame on the metamask-provider substream, and ignores other substreams', async () => {
    const double = createDouble({ first: FIRST, second: SECOND });
    const [ours, theirs] = portPair();
    double.serve(theirs);
    const frames: unknown[] = [];
    ours.onMessage.addListener((frame) => frames.push(frame));
    ours.postMessage({ name: 'other-substream', data: { jsonrpc: '2.0', id: 7, method: 'eth_chainId' } });
    ours.postMessage({ name: 'metamask-provider', data: { jsonrpc: '2.0', id: 8, method: 'eth_chainId' } });
    await expect.poll(() => frames.length).toBe(1);
    expect(frames[0]).toEqual({ name: 'metamask-provider', data: { jsonrpc: '2.0', id: 8, result: '0x2105' } });
  });

  it('sends an EIP-1193 error object for a rejected signature', async () => {
    const double = createDouble({ first: FIRST, second: SECOND });
    double.state.mode = 'reject';
    const [ours, theirs] = portPair();
    double.serve(theirs);
    const frames: Array<{ data: { id: number; error?: { code: number } } }> = [];
    ours.onMessage.addListener((frame) => frames.push(frame as never));
    ours.postMessage({ name: 'metamask-provider', data: { jsonrpc: '2.0', id: 1, method: 'eth_requestAccounts' } });
    ours.postMessage({ name: 'metamask-provider', data: { jsonrpc: '2.0', id: 2, method: 'personal_sign', params: ['0x6869', first] } });
    await expect.poll(() => frames.length).toBe(2);
    expect(frames.find((f) => f.data.id === 2)?.data.error?.code).toBe(4001);
  });
});

describe("MetaMask's StreamProvider against the double", () => {
  it('approve: gives the account once asked, and signs personal_sign with it', async () => {
    const { provider, double } = connected();
    expect(await provider.request({ method: 'eth_accounts' })).toEqual([]);
    expect(await provider.request({ method: 'eth_requestAccounts' })).toEqual([first.toLowerCase()]);
    const message = 'venice token';
    const signature = (await provider.request({ method: 'personal_sign', params: [toHex(message), first] })) as Hex;
    expect(await verifyMessage({ address: first, message, signature })).toBe(true);
    expect(double.state.signRequests).toBe(1);
    expect(double.state.calls.map((c) => c.from)).toContain('ourextensionidaaaaaaaaaaaaaaaaaa');
  });

  it('reject: personal_sign fails with code 4001', async () => {
    const { provider, double } = connected();
    await provider.request({ method: 'eth_requestAccounts' });
    double.state.mode = 'reject';
    await expect(provider.request({ method: 'personal_sign', params: [toHex('x'), first] })).rejects.toMatchObject({ code: 4001 });
  });

  it('locked: no account, and eth_requestAccounts fails with 4100', async () => {
    const { provider, double } = connected();
    double.state.mode = 'locked';
    expect(await provider.request({ method: 'eth_accounts' })).toEqual([]);
    await expect(provider.request({ method: 'eth_requestAccounts' })).rejects.toMatchObject({ code: 4100 });
  });

  it('switch: announces the second account and refuses to sign for the first', async () => {
    const { provider, double } = connected();
    await provider.request({ method: 'eth_requestAccounts' });
    const seen: unknown[] = [];
    provider.on('accountsChanged', (accounts) => seen.push(accounts));
    double.state.mode = 'switch';
    await expect(provider.request({ method: 'personal_sign', params: [toHex('x'), first] })).rejects.toMatchObject({ code: 4100 });
    await expect.poll(() => seen).toContainEqual([second.toLowerCase()]);
  });

  it('silent: personal_sign stays unanswered', async () => {
    const { provider, double } = connected();
    await provider.request({ method: 'eth_requestAccounts' });
    double.state.mode = 'silent';
    const outcome = await Promise.race([
      provider.request({ method: 'personal_sign', params: [toHex('x'), first] }).then(() => 'answered', () => 'failed'),
      new Promise((resolve) => setTimeout(() => resolve('silent'), 300)),
    ]);
    expect(outcome).toBe('silent');
    expect(double.state.signRequests).toBe(1);
  });

  it('a closed port ends the connection and the double forgets it', async () => {
    const { connection, double } = connected();
    await connection.provider.request({ method: 'eth_chainId' });
    expect(double.openPorts).toBe(1);
    connection.close();
    await connection.closed;
    await expect.poll(() => double.openPorts).toBe(0);
  });
});

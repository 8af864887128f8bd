// Which announced wallet a connect uses (lib/wallet/choose-wallet.ts): by rdns, since an
// EIP-6963 uuid is new on every page load.
import { describe, expect, it } from 'vitest';
import { hasLookAlike, pickWallet, walletRef } from '../../../lib/wallet/choose-wallet';

const A = { uuid: 'uuid-a-new-page', rdns: 'io.a' };
const B = { uuid: 'uuid-b-new-page', rdns: 'io.b' };

describe('pickWallet', () => {
  it.each([
    ['the remembered rdns, when announced', [A, B], 'io.b', { use: B }],
    ['a uuid of this page (a pick made in it)', [A, B], 'uuid-b-new-page', { use: B }],
    ['nothing remembered: the first announced', [A, B], undefined, { use: A }],
    ['the remembered one gone, one wallet: that one', [A], 'io.gone', { use: A }],
    ['a uuid of an earlier page, one wallet: that one', [B], 'uuid-b-old-page', { use: B }],
    ['the remembered one gone, several: ask', [A, B], 'io.gone', { ask: [A, B] }],
    ['the wallet whose rdns it is, before one announcing that rdns as its uuid', [{ uuid: 'io.b', rdns: 'io.evil' }, B], 'io.b', { use: B }],
    ['no wallet at all: none', [], 'io.a', { none: true }],
    ['no wallet, nothing remembered: none', [], undefined, { none: true }],
  ] as const)('%s', (_name, wallets, remembered, expected) => {
    expect(pickWallet(wallets, remembered)).toEqual(expected);
  });

  it('remembers a wallet by its rdns, never its uuid', () => {
    expect(walletRef(A)).toBe('io.a');
  });
});

describe('pickWallet with a look-alike announced first', () => {
  const real = { uuid: 'uuid-real', rdns: 'io.metamask', name: 'MetaMask' };
  const sameRdns = { uuid: 'uuid-fake', rdns: 'io.metamask', name: 'Wallet' };
  const sameName = { uuid: 'uuid-fake', rdns: 'io.evil', name: ' metamask ' };
  const other = { uuid: 'uuid-other', rdns: 'io.rabby', name: 'Rabby' };

  it.each([
    ['same rdns, announced first, nothing remembered', [sameRdns, real], undefined],
    ['same rdns, the real one remembered by its rdns', [sameRdns, real], 'io.metamask'],
    ['same name, announced first, nothing remembered', [sameName, real], undefined],
    ['same name, the real one remembered', [sameName, real], 'io.metamask'],
  ] as const)('%s: asks, saying so, rather than choose', (_name, wallets, remembered) => {
    expect(pickWallet(wallets, remembered)).toEqual({ ask: wallets, lookAlike: true });
  });

  it('uses the one the person picked among them, by its uuid in this page', () => {
    expect(pickWallet([sameRdns, real], 'uuid-real')).toEqual({ use: real });
    expect(pickWallet([sameRdns, real], 'uuid-fake')).toEqual({ use: sameRdns });
  });

  it('a wallet with no look-alike is still used at once, beside a pair that clashes', () => {
    expect(pickWallet([other, sameName, real], 'io.rabby')).toEqual({ use: other });
    expect(hasLookAlike([other, sameName, real], other)).toBe(false);
    expect(hasLookAlike([other, sameName, real], real)).toBe(true);
  });
});

// Which announced wallet a connect uses (lib/wallet/choose-wallet.ts): by rdns, since an
// EIP-6963 uuid is new on every page load.
import { describe, expect, it } from 'vitest';
import { pickWallet, walletRef } from '../../../lib/wallet/choose-wallet';

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

// @vitest-environment happy-dom
// The wallet choice names the direct MetaMask as needing no tab, and lists page wallets by
// their own name.
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MintWalletPicker } from '../../../components/MintWalletPicker';
import { DIRECT_WALLET_REF, TAB_WALLETS_REF } from '../../../lib/mint/direct-wallet-ref';
import { useEnglish } from '../vault/english';

const direct = { id: DIRECT_WALLET_REF, name: 'MetaMask', rdns: 'io.metamask' };
const rabby = { id: 'io.rabby', name: 'Rabby', rdns: 'io.rabby' };

describe('MintWalletPicker with the direct MetaMask', () => {
  beforeEach(() => useEnglish());
  afterEach(cleanup);

  it('lists it first as "no tab needed", and says so once connected through it', () => {
    render(<MintWalletPicker address="0x70997970C51812dc3A010C7d01b50e0d17dc79C8" wallet={DIRECT_WALLET_REF} wallets={[direct, rabby]} onSelect={() => undefined} />);
    expect(screen.getAllByRole('radio').map((r) => r.parentElement?.textContent)).toEqual(['MetaMask (no tab needed)', 'Rabby']);
    expect(screen.getByTestId('connected-address').textContent).toContain('with MetaMask (no tab needed)');
  });

  it('offers "another wallet" in a venice.ai tab after it', () => {
    render(<MintWalletPicker address="0x70997970C51812dc3A010C7d01b50e0d17dc79C8" wallet={DIRECT_WALLET_REF} wallets={[direct, { id: TAB_WALLETS_REF, name: 'tab' }]} onSelect={() => undefined} />);
    expect(screen.getAllByRole('radio').map((r) => r.parentElement?.textContent)).toEqual(['MetaMask (no tab needed)', 'Another wallet (signs in a venice.ai tab)']);
  });
});

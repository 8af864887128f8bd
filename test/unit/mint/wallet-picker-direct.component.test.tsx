// @vitest-environment happy-dom
// The wallet choice names the direct MetaMask as needing no tab and lists it first, lists page
// wallets by their own name, icon and rdns, and when two claim the same name or rdns, says so
// and chooses nothing for the person.
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MintWalletPicker } from '../../../components/MintWalletPicker';
import { DIRECT_WALLET_REF, TAB_WALLETS_REF } from '../../../lib/mint/direct-wallet-ref';
import { useEnglish } from '../vault/english';

const direct = { id: DIRECT_WALLET_REF, name: 'MetaMask', rdns: 'io.metamask' };
const ICON = 'data:image/svg+xml;base64,PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciLz4=';
const rabby = { id: 'io.rabby', name: 'Rabby', rdns: 'io.rabby', icon: ICON };
const texts = () => screen.getAllByRole('radio').map((r) => r.parentElement?.textContent);
const useButton = () => screen.getByRole('button', { name: 'Use this wallet' }) as HTMLButtonElement;

describe('MintWalletPicker with the direct MetaMask', () => {
  beforeEach(() => useEnglish());
  afterEach(cleanup);

  it('lists it first as "no tab needed", and says so once connected through it', () => {
    render(<MintWalletPicker address="0x70997970C51812dc3A010C7d01b50e0d17dc79C8" wallet={DIRECT_WALLET_REF} wallets={[direct, rabby]} onSelect={() => undefined} />);
    expect(texts()).toEqual(['MetaMask (no tab needed)', 'Rabby io.rabby']);
    expect(screen.getByTestId('connected-address').textContent).toContain('with MetaMask (no tab needed)');
  });

  it('offers "another wallet" in a venice.ai tab after it', () => {
    render(<MintWalletPicker address="0x70997970C51812dc3A010C7d01b50e0d17dc79C8" wallet={DIRECT_WALLET_REF} wallets={[direct, { id: TAB_WALLETS_REF, name: 'tab' }]} onSelect={() => undefined} />);
    expect(screen.getAllByRole('radio').map((r) => r.parentElement?.textContent)).toEqual(['MetaMask (no tab needed)', 'Another wallet (signs in a venice.ai tab)']);
  });

  it('shows a page wallet\'s own icon (decorative, beside its name) and its rdns; the direct entry has neither', () => {
    render(<MintWalletPicker address="0x70997970C51812dc3A010C7d01b50e0d17dc79C8" wallet={DIRECT_WALLET_REF} wallets={[direct, rabby]} onSelect={() => undefined} />);
    const [first, second] = screen.getAllByRole('radio').map((r) => r.parentElement!);
    expect(first!.querySelector('img')).toBeNull();
    const img = second!.querySelector('img')!;
    expect(img.getAttribute('src')).toBe(ICON);
    expect(img.getAttribute('alt')).toBe('');
    expect(screen.getByRole('radio', { name: /Rabby/ })).toBeTruthy();
  });

  it('two wallets with the same name and rdns: says so, chooses nothing, and connects only the one picked', () => {
    const fake = { id: 'uuid-first', name: 'MetaMask', rdns: 'io.metamask', lookAlike: true };
    const real = { id: 'uuid-second', name: 'MetaMask', rdns: 'io.metamask', lookAlike: true, icon: ICON };
    const picked: string[] = [];
    render(<MintWalletPicker wallets={[direct, fake, real]} onSelect={(id) => picked.push(id)} />);
    expect(screen.getByTestId('wallet-look-alike').textContent).toContain('Two wallets here claim the same name or ID');
    expect(texts()).toEqual([
      'MetaMask (no tab needed)',
      'MetaMask (io.metamask): another wallet here uses the same name or ID',
      'MetaMask (io.metamask): another wallet here uses the same name or ID',
    ]);
    expect(screen.getAllByRole('radio').some((r) => (r as HTMLInputElement).checked)).toBe(false);
    expect(useButton().disabled).toBe(true);
    fireEvent.click(useButton());
    expect(picked).toEqual([]);
    fireEvent.click(screen.getAllByRole('radio')[2]!);
    expect(useButton().disabled).toBe(false);
    fireEvent.click(useButton());
    expect(picked).toEqual(['uuid-second']);
  });

  it('asked to choose with no look-alike, it still picks nothing by itself and shows no warning', () => {
    render(<MintWalletPicker wallets={[direct, rabby]} onSelect={() => undefined} />);
    expect(screen.queryByTestId('wallet-look-alike')).toBeNull();
    expect(screen.getAllByRole('radio').some((r) => (r as HTMLInputElement).checked)).toBe(false);
    expect(useButton().disabled).toBe(true);
  });
});

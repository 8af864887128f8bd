// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MintPanel } from '../../../components/MintPanel';
import type { MintApi } from '../../../components/mint-api';
import { createMintRunner } from '../../../lib/mint/runner';
import { useEnglish } from '../vault/english';
import { fail, fakeDeps, SECRET } from './fakes';
import { ADDRESS, WALLETS } from './fixtures';

/** The popup's api, straight over a runner with fake ports (no messaging in between). */
function live(fake = fakeDeps()) {
  const runner = createMintRunner(fake.deps);
  const api: MintApi = {
    get: runner.get,
    start: (o) => runner.start(o),
    confirm: (o) => runner.confirm(o),
    cancel: runner.cancel,
    retry: runner.retry,
    selectWallet: runner.selectWallet,
    reveal: async () => (await runner.reveal()) ?? null,
    watch: fake.watch,
  };
  const onUnlockRequested = vi.fn();
  const copy = vi.fn(async () => undefined);
  render(<MintPanel api={api} onUnlockRequested={onUnlockRequested} copy={copy} now={fake.clock.now} />);
  return { fake, api, onUnlockRequested, copy };
}

const click = (name: string | RegExp) => fireEvent.click(screen.getByRole('button', { name }));
const status = () => screen.getByTestId('mint-panel').getAttribute('data-status');
const until = (s: string) => waitFor(() => expect(status()).toBe(s));

describe('MintPanel', () => {
  beforeEach(() => {
    useEnglish();
  });
  afterEach(cleanup);

  it('connects, shows the stake, and mints one key however often Mint is clicked', async () => {
    const { fake } = live();
    await until('idle');
    click('Connect wallet');
    await until('ready');
    expect(screen.getByTestId('eligibility').textContent).toContain('VVV staked');
    expect(screen.getByTestId('connected-address').textContent).toContain('0x1111…1111');

    const mint = screen.getByRole('button', { name: 'Mint API key' });
    fireEvent.click(mint);
    fireEvent.click(mint);
    fireEvent.click(mint);
    await until('saved');
    expect(screen.getByTestId('mint-saved').textContent).toContain(SECRET.slice(-6));
    // The saved note leads: the panel's "Get an API key" heading is left to screen readers.
    expect(screen.getByRole('heading', { name: 'Get an API key from your wallet' }).className).toBe('visually-hidden');
    expect(document.body.textContent).not.toContain(SECRET);
    expect(fake.calls.posts).toHaveLength(1);
    expect(fake.calls.posts[0]).toMatchObject({ apiKeyType: 'INFERENCE', description: 'Venice Key Wallet 2025-06-01', limitPeriod: 'EPOCH', modelPrivacy: 'ALL' });
  });

  it('warns in plain words when ADMIN is chosen, and sends the chosen options', async () => {
    const { fake } = live();
    await until('idle');
    click('Connect wallet');
    await until('ready');
    expect(screen.queryByTestId('admin-warning')).toBeNull();
    fireEvent.click(screen.getByRole('radio', { name: 'Admin' }));
    expect(screen.getByTestId('admin-warning').textContent).toMatch(/controls your Venice account/);
    fireEvent.input(screen.getByLabelText('Description'), { target: { value: 'Ops key' } });
    fireEvent.input(screen.getByLabelText('USD spending limit (optional)'), { target: { value: '25' } });
    fireEvent.change(screen.getByLabelText('Limits reset'), { target: { value: 'MONTH' } });
    click('Mint API key');
    await until('saved');
    expect(fake.calls.posts[0]).toMatchObject({ apiKeyType: 'ADMIN', description: 'Ops key', consumptionLimit: { usd: 25 }, limitPeriod: 'MONTH' });
  });

  it('explains a bad option next to its field and asks nothing of the wallet', async () => {
    const { fake } = live();
    await until('idle');
    click('Connect wallet');
    await until('ready');
    fireEvent.input(screen.getByLabelText('Expires on (optional)'), { target: { value: '2020-01-01' } });
    fireEvent.input(screen.getByLabelText('DIEM spending limit (optional)'), { target: { value: '-3' } });
    click('Mint API key');
    expect(screen.getByText('Choose a date after today.').getAttribute('role')).toBe('alert');
    expect(screen.getByText('Enter a number of 0 or more, or leave it empty.')).toBeTruthy();
    expect(screen.getByLabelText('Expires on (optional)').getAttribute('aria-invalid')).toBe('true');
    expect(fake.calls.signs).toHaveLength(0);
    expect(status()).toBe('ready');
  });

  it('disables Mint and links the staking contract when no VVV is staked', async () => {
    const fake = fakeDeps();
    fake.script.eligibility = { staked: 0n, liquid: 2n * 10n ** 18n, eligible: false, reason: 'liquid-not-staked' };
    live(fake);
    await until('idle');
    click('Connect wallet');
    await until('ready');
    expect(screen.getByTestId('eligibility').textContent).toContain('You hold 2 VVV, but none of it is staked');
    const link = screen.getByRole('link', { name: 'Open the VVV staking contract' });
    expect(link.getAttribute('href')).toBe('https://basescan.org/address/0x321b7ff75154472B18EDb199033fF4D116F340Ff');
    expect((screen.getByRole('button', { name: 'Mint API key' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('shows a decline with its sentence and a retry that returns to the form', async () => {
    const fake = fakeDeps();
    fake.script.sign.push(fail('WALLET_REJECTED'));
    live(fake);
    await until('idle');
    click('Connect wallet');
    await until('ready');
    click('Mint API key');
    await until('failed');
    expect(screen.getByRole('alert').textContent).toContain('The request was declined in your wallet.');
    click('Try again');
    await until('ready');
    expect(fake.calls.posts).toHaveLength(0);
  });

  it('shows an unsaved key once, with copy, and forgets it when dismissed', async () => {
    const fake = fakeDeps();
    fake.script.save.push(fail('VAULT_STORAGE_FAILED'));
    const { copy } = live(fake);
    await until('idle');
    click('Connect wallet');
    await until('ready');
    click('Mint API key');
    await until('saved-unstored');
    await waitFor(() => expect(screen.getByTestId('shown-once-secret').textContent).toBe(SECRET));
    click('Copy key');
    await waitFor(() => expect(copy).toHaveBeenCalledWith(SECRET));
    click('I have saved it');
    await until('idle');
    expect(document.body.textContent).not.toContain(SECRET);
  });

  it('asks which wallet when the one used before is gone and several are found, and never says to install one', async () => {
    const fake = fakeDeps();
    const asked: (string | undefined)[] = [];
    fake.deps.wallet.connect = async (walletId) => {
      asked.push(walletId);
      const wallet = WALLETS.find((w) => w.id === walletId);
      return wallet ? { address: ADDRESS, wallet, wallets: WALLETS } : { choose: WALLETS };
    };
    live(fake);
    await until('idle');
    click('Connect wallet');
    await until('failed');
    expect(screen.getByTestId('mint-error').getAttribute('data-code')).toBe('WALLET_CHOICE_NEEDED');
    expect(screen.getByTestId('mint-error').textContent).toBe('The wallet you connected before was not found. Choose one of the wallets below.');
    expect(document.body.textContent).not.toMatch(/install/i);
    expect(screen.queryByRole('link')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Try again' })).toBeNull();
    expect(screen.queryByTestId('connected-address')).toBeNull();
    fireEvent.click(screen.getByRole('radio', { name: 'Wallet B io.b' }));
    click('Use this wallet');
    await until('ready');
    expect(asked).toEqual([undefined, 'wallet-b']);
    expect(screen.getByTestId('connected-address').textContent).toContain('Wallet B');
  });

  it('asks for the passphrase before the wallet, then continues', async () => {
    const fake = fakeDeps();
    fake.script.vault = 'locked';
    const { onUnlockRequested } = live(fake);
    await until('idle');
    click('Connect wallet');
    await until('needs-unlock');
    expect(fake.calls.connects).toBe(0);
    click('Unlock');
    expect(onUnlockRequested).toHaveBeenCalledTimes(1);
    fake.script.vault = 'unlocked';
    const resume = screen.getByRole('button', { name: 'Continue' }) as HTMLButtonElement;
    await waitFor(() => expect(resume.disabled).toBe(false));
    fireEvent.click(resume);
    await until('ready');
  });
});

// @vitest-environment happy-dom
// The onboarding tab (components/WelcomeApp): which of the five steps each flow state is, the
// passphrase and the signature in one click, the way out for a wallet with no stake, and the
// tab coming back to the front once the wallet has answered.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { stepOf, WelcomeApp } from '../../../components/WelcomeApp';
import type { WelcomeApi } from '../../../components/welcome-api';
import type { VaultStatusView } from '../../../lib/messaging/vault';
import type { MintState } from '../../../lib/mint/state';
import { S } from '../mint/fixtures';
import { useEnglish } from '../vault/english';

const UNLOCKED: VaultStatusView = { state: 'unlocked', records: [], damaged: [], clipboardClearSeconds: 30 };
const NOT_SET_UP: VaultStatusView = { state: 'not-set-up' };
const PASSPHRASE = 'orchid-falcon-92-lantern';

function fakeApi(first: MintState, vault: VaultStatusView) {
  const calls: string[] = [];
  let listener: ((s: MintState) => void) | undefined;
  let vaultNow = vault;
  const later = (s: MintState): MintState => ({ ...s, updatedAt: s.updatedAt + 1 }) as MintState;
  const api: WelcomeApi = {
    mint: {
      get: async () => first,
      start: async () => (calls.push('start'), later(S.connecting)),
      confirm: async (options) => (calls.push(`confirm:${options.apiKeyType}`), later(S.signing)),
      cancel: async () => (calls.push('cancel'), later(S.idle)),
      retry: async () => (calls.push('retry'), later(S.connecting)),
      selectWallet: async () => first,
      reveal: async () => null,
      watch: (l) => ((listener = l), () => undefined),
    },
    vault: {
      status: async () => vaultNow,
      setup: async () => { calls.push('setup'); vaultNow = UNLOCKED; },
      unlock: async () => { calls.push('unlock'); vaultNow = UNLOCKED; },
    },
    copyVault: { reveal: async () => 'VENICE_INFERENCE_KEY_x', copy: async () => 'copied-will-clear', clipboardClearSeconds: async () => 30 },
    copyUnstored: async () => undefined,
    focusSelf: vi.fn(async () => undefined),
  };
  return { api, calls, push: (s: MintState) => listener?.(s) };
}

describe('WelcomeApp', () => {
  beforeEach(() => useEnglish());
  afterEach(cleanup);

  it.each([
    ['idle', S.idle, NOT_SET_UP, 'connect'],
    ['connecting', S.connecting, NOT_SET_UP, 'connect'],
    ['ready, no vault yet', S.ready, NOT_SET_UP, 'passphrase'],
    ['ready, vault open', S.ready, UNLOCKED, 'sign'],
    ['ready, nothing staked', { ...S.ready, ctx: { ...S.ready.ctx, eligibility: { staked: '0', liquid: '0', eligible: false, reason: 'none' } } }, UNLOCKED, 'check'],
    ['ready, stake unknown (RPC down)', { ...S.ready, ctx: { ...S.ready.ctx, eligibility: { staked: '0', liquid: '0', eligible: false, reason: 'rpc-unreachable' } } }, NOT_SET_UP, 'passphrase'],
    ['signing', S.signing, UNLOCKED, 'sign'],
    ['minting', S.minting, UNLOCKED, 'sign'],
    ['saved', S.saved, UNLOCKED, 'key'],
    ['failed while connecting', S.failedConnect, UNLOCKED, 'connect'],
    ['failed while signing', S.failedMint, UNLOCKED, 'sign'],
  ] as const)('%s is the step %s', (_label, state, vault, step) => {
    expect(stepOf(state as MintState, vault)).toBe(step);
  });

  it('sets the passphrase, then sends the Mint click with the default Inference key: one click', async () => {
    const { api, calls } = fakeApi(S.ready, NOT_SET_UP);
    render(<WelcomeApp api={api} />);
    const field = await screen.findByLabelText('Passphrase');
    fireEvent.input(field, { target: { value: PASSPHRASE } });
    fireEvent.input(screen.getByLabelText('Type it again'), { target: { value: PASSPHRASE } });
    fireEvent.click(screen.getByRole('button', { name: 'Save passphrase and sign' }));
    await waitFor(() => expect(calls).toEqual(['setup', 'confirm:INFERENCE']));
    await waitFor(() => expect(screen.getByTestId('welcome-waiting').dataset.status).toBe('awaiting-signature'));
  });

  it('a weak passphrase is refused at its field: nothing is set up, nothing signed', async () => {
    const { api, calls } = fakeApi(S.ready, NOT_SET_UP);
    render(<WelcomeApp api={api} />);
    fireEvent.input(await screen.findByLabelText('Passphrase'), { target: { value: 'password' } });
    fireEvent.input(screen.getByLabelText('Type it again'), { target: { value: 'password' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save passphrase and sign' }));
    await screen.findByRole('alert');
    expect(calls).toEqual([]);
  });

  it('a wallet with nothing staked gets the reason, Venice\'s staking page and Check again, and no form', async () => {
    const blocked = { ...S.ready, ctx: { ...S.ready.ctx, eligibility: { staked: '0', liquid: '5000000000000000000', eligible: false, reason: 'liquid-not-staked' } } } as MintState;
    const { api, calls } = fakeApi(blocked, NOT_SET_UP);
    render(<WelcomeApp api={api} />);
    expect((await screen.findByTestId('welcome-eligibility')).textContent).toContain('It holds 5 VVV, but none of it is staked');
    expect(screen.getByRole('link', { name: 'Stake VVV on venice.ai' }).getAttribute('href')).toBe('https://venice.ai/token');
    expect(screen.queryByLabelText('Passphrase')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Check again' }));
    await waitFor(() => expect(calls).toEqual(['retry']));
  });

  it('comes back to the front when the wallet has answered, not before', async () => {
    const { api, push } = fakeApi(S.connecting, NOT_SET_UP);
    render(<WelcomeApp api={api} />);
    await screen.findByTestId('welcome-waiting');
    expect(api.focusSelf).not.toHaveBeenCalled();
    push({ ...S.ready, updatedAt: 9 });
    await screen.findByTestId('welcome-eligibility');
    expect(api.focusSelf).toHaveBeenCalledTimes(1);
  });
});

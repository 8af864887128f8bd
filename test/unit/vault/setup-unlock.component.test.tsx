// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { VaultSetup } from '../../../components/VaultSetup';
import { VaultUnlock } from '../../../components/VaultUnlock';
import { useEnglish } from './english';
import { fakeApi, remote } from './fake-api';

const type = (label: string | RegExp, value: string) =>
  fireEvent.input(screen.getByLabelText(label), { target: { value } });

describe('VaultSetup', () => {
  beforeEach(() => { useEnglish(); });
  afterEach(cleanup);

  it('explains a too-short, a common and a mismatched passphrase without calling the background', async () => {
    const api = fakeApi();
    render(<VaultSetup api={api} onDone={() => undefined} />);
    type('Passphrase', 'short');
    fireEvent.click(screen.getByRole('button', { name: 'Create the vault' }));
    expect(screen.getByText('Use at least 12 characters.').getAttribute('role')).toBe('alert');

    type('Passphrase', 'password1234');
    expect(screen.getByText(/one of the most common passwords/)).toBeTruthy();

    type('Passphrase', 'violet-harbor-51-lantern');
    type('Type it again', 'violet-harbor-51-lanterm');
    expect(screen.getByText('The two passphrases do not match.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Create the vault' }));
    expect(api.setup).not.toHaveBeenCalled();
  });

  it('creates the vault with a good passphrase typed twice', async () => {
    const api = fakeApi();
    const onDone = vi.fn();
    render(<VaultSetup api={api} onDone={onDone} />);
    type('Passphrase', 'violet-harbor-51-lantern');
    type('Type it again', 'violet-harbor-51-lantern');
    fireEvent.click(screen.getByRole('button', { name: 'Create the vault' }));
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    expect(api.setup).toHaveBeenCalledWith('violet-harbor-51-lantern', 'violet-harbor-51-lantern');
  });

  it('shows the error the background answers with', async () => {
    const api = fakeApi({ setup: vi.fn(async () => { throw remote('VAULT_STORAGE_FAILED', 'The browser could not save your data.', 'retry'); }) });
    render(<VaultSetup api={api} onDone={() => undefined} />);
    type('Passphrase', 'violet-harbor-51-lantern');
    type('Type it again', 'violet-harbor-51-lantern');
    fireEvent.click(screen.getByRole('button', { name: 'Create the vault' }));
    expect((await screen.findByRole('alert')).textContent).toBe('The browser could not save your data.');
  });
});

describe('VaultUnlock', () => {
  beforeEach(() => { useEnglish(); });
  afterEach(cleanup);

  it('shows the wrong-passphrase error, clears the field and asks the parent to refresh', async () => {
    const api = fakeApi({ unlock: vi.fn(async () => { throw remote('VAULT_WRONG_PASSPHRASE', 'That passphrase is not right. Try again.'); }) });
    const onFailed = vi.fn();
    const onDone = vi.fn();
    render(<VaultUnlock api={api} retryInMs={0} onDone={onDone} onFailed={onFailed} onForgot={() => undefined} />);
    type('Passphrase', 'not it at all');
    fireEvent.click(screen.getByRole('button', { name: 'Unlock' }));
    expect((await screen.findByRole('alert')).textContent).toBe('That passphrase is not right. Try again.');
    expect(onFailed).toHaveBeenCalledOnce();
    expect(onDone).not.toHaveBeenCalled();
    expect((screen.getByLabelText('Passphrase') as HTMLInputElement).value).toBe('');
    expect(screen.getByLabelText('Passphrase').getAttribute('aria-invalid')).toBe('true');
  });

  it('counts down an enforced wait with the button disabled, then allows a try', async () => {
    let now = 1_000_000;
    const api = fakeApi();
    const onDone = vi.fn();
    render(<VaultUnlock api={api} retryInMs={4_000} now={() => now} onDone={onDone} onFailed={() => undefined} onForgot={() => undefined} />);
    expect(screen.getByText('Too many wrong tries. You can try again in 4 s.')).toBeTruthy();
    const button = screen.getByRole('button', { name: 'Unlock' }) as HTMLButtonElement;
    expect(button.disabled).toBe(true);
    now += 4_000;
    await waitFor(() => expect(button.disabled).toBe(false), { timeout: 2_000 });
    type('Passphrase', 'violet-harbor-51-lantern');
    fireEvent.click(button);
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    expect(api.unlock).toHaveBeenCalledWith('violet-harbor-51-lantern');
  });
});

// @vitest-environment happy-dom
import { cleanup, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../lib/settings/schema';
import { fakePermissions } from './fake-permissions';
import { setup, type } from './options-form-fixture';
import { useEnglish } from '../vault/english';

describe('OptionsForm: clearing the clipboard', () => {
  beforeEach(() => { useEnglish(); });
  afterEach(cleanup);

  const CLEARING = 'Clear a copied key from the clipboard after (seconds)';
  const NOT_ALLOWED = 'Clearing needs permission to read the clipboard, to check it still holds the key.';
  const REFUSED = 'Without permission to read the clipboard, the extension cannot clear copied keys.';
  const noteOf = () => {
    const input = screen.getByLabelText(CLEARING);
    const note = document.getElementById('clipboardClearSeconds-note')!;
    expect(note.getAttribute('aria-live')).toBe('polite');
    expect(input.getAttribute('aria-describedby')?.split(' ').includes(note.id)).toBe(note.textContent !== '');
    return note.textContent;
  };
  const allowButton = () => screen.queryByRole('button', { name: 'Allow clearing' });

  it('says clearing is not allowed yet, and the Allow button asks for clipboardRead alone from its click', async () => {
    const { permissions, clickAllow, save } = setup();
    expect(noteOf()).toBe(NOT_ALLOWED);
    clickAllow();
    expect(permissions.requests).toEqual([['clipboardRead']]);
    await waitFor(() => expect(noteOf()).toBe('Clearing is allowed.'));
    expect(allowButton()).toBeNull();
    expect(permissions.held.has('clipboardRead')).toBe(true);
    expect(save).not.toHaveBeenCalled();
  });

  it('says when the Allow prompt is refused, and offers it again', async () => {
    const permissions = fakePermissions();
    permissions.answer = 'deny';
    const { clickAllow } = setup({ permissions });
    clickAllow();
    await waitFor(() => expect(noteOf()).toBe(REFUSED));
    expect(allowButton()).not.toBeNull();
  });

  it('says clearing is allowed, with no button, when the permission is held', () => {
    setup({ permissions: fakePermissions({ granted: ['clipboardRead'] }) });
    expect(noteOf()).toBe('Clearing is allowed.');
    expect(allowButton()).toBeNull();
  });

  it('says nothing about the permission while the delay is 0 (never clear)', () => {
    setup();
    type(CLEARING, '0');
    expect(noteOf()).toBe('');
    expect(allowButton()).toBeNull();
  });

  it('asks for clipboardRead with a changed address\'s host in the one request the Save click makes', async () => {
    const permissions = fakePermissions({ granted: ['https://api.venice.ai/*', 'https://venice.ai/*', 'https://mainnet.base.org/*', 'http://127.0.0.1/*'] });
    const { save, clickSave } = setup({ sandbox: true, permissions });
    type('Base network RPC address', 'http://127.0.0.1:8545');
    type(CLEARING, '45');
    clickSave();
    expect(permissions.requests).toEqual([['http://127.0.0.1/*', 'clipboardRead']]);
    expect(permissions.prompts).toEqual([['clipboardRead']]);
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Settings saved.'));
    expect(save).toHaveBeenCalledWith(expect.objectContaining({ clipboardClearSeconds: 45, rpcUrl: 'http://127.0.0.1:8545' }));
    expect(noteOf()).toBe('Clearing is allowed.');
  });

  it('still saves when only the clipboard part is refused, and says so quietly next to the field', async () => {
    const permissions = fakePermissions();
    permissions.answer = 'deny';
    const { save, clickSave } = setup({ permissions, initial: { ...DEFAULT_SETTINGS, clipboardClearSeconds: 0 } });
    type(CLEARING, '30');
    clickSave();
    expect(permissions.prompts).toEqual([['clipboardRead']]);
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Settings saved.'));
    expect(save).toHaveBeenCalledWith(expect.objectContaining({ clipboardClearSeconds: 30 }));
    expect(noteOf()).toBe(REFUSED);
    expect(screen.getByLabelText(CLEARING).getAttribute('aria-invalid')).toBeNull();
  });

  it('refuses the save as before when the hosts in the same prompt are refused', async () => {
    const permissions = fakePermissions();
    permissions.answer = 'deny';
    const { save, clickSave } = setup({ sandbox: true, permissions });
    type('Base network RPC address', 'http://127.0.0.1:8545');
    type(CLEARING, '20');
    clickSave();
    await waitFor(() => expect(screen.getByRole('status').textContent).toMatch(/cannot reach 127\.0\.0\.1/));
    expect(save).not.toHaveBeenCalled();
    expect(noteOf()).toBe(REFUSED);
  });

  it('does not ask on a Save that leaves the delay as it was, nor when the permission is held', async () => {
    const { save, permissions, clickSave } = setup();
    type('Check the balance every (minutes)', '7');
    clickSave();
    await waitFor(() => expect(save).toHaveBeenCalledOnce());
    expect(permissions.requests).toEqual([]);
    expect(noteOf()).toBe(NOT_ALLOWED);
    cleanup();

    const held = setup({ permissions: fakePermissions({ granted: ['clipboardRead'] }) });
    type(CLEARING, '90');
    held.clickSave();
    await waitFor(() => expect(held.save).toHaveBeenCalledOnce());
    expect(held.permissions.requests).toEqual([]);
  });
});

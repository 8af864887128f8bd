// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PopupApp } from '../../../components/PopupApp';
import type { VaultStatusView } from '../../../lib/messaging/vault';
import { useEnglish } from './english';
import { fakeApi } from './fake-api';

const unlocked: VaultStatusView = {
  state: 'unlocked', damaged: [{ id: '#2', reason: 'shape' }], clipboardClearSeconds: 30,
  records: [{
    id: '0f8fad5b-d9cb-469f-a165-70867728950e', last6: 'abc123', type: 'ADMIN', description: 'ops', source: 'imported',
    apiBaseUrl: 'https://api.venice.ai/api/v1', createdAt: '2025-05-01T00:00:00.000Z', limits: {}, expiresAt: null,
  }],
};

describe('PopupApp picks the screen from the vault status', () => {
  beforeEach(() => { useEnglish(); });
  afterEach(cleanup);

  it('shows set-up (loaded on demand) when there is no vault', async () => {
    render(<PopupApp api={fakeApi()} />);
    expect(await screen.findByRole('heading', { name: 'Protect your keys' })).toBeTruthy();
  });

  it('names the extension in a header on every screen, locked or not', async () => {
    render(<PopupApp api={fakeApi({ status: vi.fn(async () => ({ state: 'locked' as const, retryInMs: 0, records: [], damaged: [] })) })} />);
    await screen.findByRole('heading', { name: 'Unlock your keys' });
    // The name, and the status chip saying what the badge says while locked.
    expect(screen.getByRole('banner').textContent).toBe('Venice Key WalletLocked');
    expect(screen.getByTestId('status-chip').dataset.level).toBe('locked');
  });

  it("links the popup's settings to the options page, the one place for every other setting", async () => {
    const openOptions = vi.fn();
    render(<PopupApp api={fakeApi({ status: vi.fn(async () => unlocked) })} openOptions={openOptions} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Settings' }));
    fireEvent.click(await screen.findByRole('button', { name: 'All settings…' }));
    expect(openOptions).toHaveBeenCalledOnce();
    expect(screen.getByRole('banner').textContent).toMatch(/^Venice Key Wallet.*Lock now$/);
  });

  it('shows unlock with the enforced wait when locked', async () => {
    const api = fakeApi({ status: vi.fn(async () => ({ state: 'locked' as const, retryInMs: 8_000, records: [], damaged: [] })) });
    render(<PopupApp api={api} />);
    expect(await screen.findByRole('heading', { name: 'Unlock your keys' })).toBeTruthy();
    expect(screen.getByText(/try again in 8 s/)).toBeTruthy();
  });

  it('lists keys and damaged records when unlocked, and locks on Lock now', async () => {
    const status = vi.fn(async (): Promise<VaultStatusView> => unlocked);
    const api = fakeApi({ status });
    render(<PopupApp api={api} />);
    expect(await screen.findByText('…abc123')).toBeTruthy();
    expect(screen.getByText('Admin')).toBeTruthy();
    expect(screen.getByText('One saved key could not be read and was set aside.')).toBeTruthy();
    status.mockResolvedValue({ state: 'locked', retryInMs: 0, records: [], damaged: [] });
    fireEvent.click(screen.getByRole('button', { name: 'Lock now' }));
    await waitFor(() => expect(api.lock).toHaveBeenCalled());
    expect(await screen.findByRole('heading', { name: 'Unlock your keys' })).toBeTruthy();
  });

  it('says when a record was changed outside the extension (record envelope v2), and only then', async () => {
    const changed: VaultStatusView = { ...unlocked, damaged: [{ id: '5b1f7e2a-0000-4000-8000-000000000001', reason: 'changed' }] };
    render(<PopupApp api={fakeApi({ status: vi.fn(async () => changed) })} />);
    expect((await screen.findByTestId('record-changed')).textContent).toMatch(/changed outside the extension .* not used and nothing is sent with it/);
    cleanup();
    render(<PopupApp api={fakeApi({ status: vi.fn(async () => unlocked) })} />);
    expect(await screen.findByText('…abc123')).toBeTruthy();
    expect(screen.queryByTestId('record-changed')).toBeNull();
  });

  it('offers only a reset when the vault itself is damaged', async () => {
    render(<PopupApp api={fakeApi({ status: vi.fn(async () => ({ state: 'damaged' as const })) })} />);
    expect(await screen.findByText('The vault cannot be read')).toBeTruthy();
    expect(await screen.findByRole('button', { name: 'Erase all keys' })).toBeTruthy();
  });
});

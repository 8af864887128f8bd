// @vitest-environment happy-dom
// The popup's "Remove from this browser" offers "Revoke on Venice too" when the vault holds an
// ADMIN key; checked, the key is revoked first, and a refusal keeps the local copy.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { KeyRow } from '../../../components/KeyRow';
import type { KeyMeta } from '../../../lib/vault/record';
import { useEnglish } from '../vault/english';
import { fakeApi, remote } from '../vault/fake-api';

const base = { apiBaseUrl: 'https://api.venice.ai/api/v1', createdAt: '2025-05-01T00:00:00.000Z', limits: {}, expiresAt: null, source: 'imported' as const };
const meta: KeyMeta = { ...base, id: '0f8fad5b-d9cb-469f-a165-70867728950e', last6: '456789', type: 'INFERENCE', description: 'laptop' };
const admin: KeyMeta = { ...base, id: '1f8fad5b-d9cb-469f-a165-70867728950e', last6: 'adm123', type: 'ADMIN', description: 'ops' };

describe('KeyRow: Revoke on Venice too', () => {
  beforeEach(() => { useEnglish(); });
  afterEach(cleanup);

  it('is not offered without an ADMIN key', () => {
    render(<KeyRow api={fakeApi({ revokeAtVenice: vi.fn() })} meta={meta} clipboardClearSeconds={30} onRemoved={() => undefined} />);
    fireEvent.click(screen.getByRole('button', { name: 'Remove' }));
    expect(screen.queryByLabelText(/Revoke it on Venice too/)).toBeNull();
  });

  it('revokes with the ADMIN key, then removes; a refusal keeps the local copy', async () => {
    const revokeAtVenice = vi.fn().mockRejectedValueOnce(remote('ADMIN_KEY_REQUIRED', 'This needs an admin API key.')).mockResolvedValue(undefined);
    const api = fakeApi({ revokeAtVenice });
    render(<KeyRow api={api} meta={meta} clipboardClearSeconds={30} onRemoved={() => undefined} admin={admin} />);
    fireEvent.click(screen.getByRole('button', { name: 'Remove' }));
    fireEvent.click(screen.getByLabelText(/Revoke it on Venice too, with the admin key ops \(…adm123\)/));
    fireEvent.click(screen.getByRole('button', { name: 'Remove the local copy' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/admin API key/);
    expect(api.remove).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Remove the local copy' }));
    await waitFor(() => expect(api.remove).toHaveBeenCalledWith(meta.id));
    expect(revokeAtVenice).toHaveBeenLastCalledWith(admin.id, meta.id);
  });
});

// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { KeyRow } from '../../../components/KeyRow';
import { KeyShownOnce } from '../../../components/KeyShownOnce';
import { KeyImport } from '../../../components/KeyImport';
import type { KeyMeta } from '../../../lib/vault/record';
import { useEnglish } from './english';
import { fakeApi, remote } from './fake-api';

const SECRET = 'VENICE_INFERENCE_KEY_abcdef0123456789';
const meta: KeyMeta = {
  id: '0f8fad5b-d9cb-469f-a165-70867728950e', last6: '456789', type: 'INFERENCE', description: 'laptop', source: 'minted',
  apiBaseUrl: 'https://api.venice.ai/api/v1', createdAt: '2025-05-01T00:00:00.000Z', limits: {}, expiresAt: null,
};

describe('KeyRow', () => {
  beforeEach(() => { useEnglish(); });
  afterEach(cleanup);

  it('shows last 6 and type, reveals on demand, copies the key and the env line with the clear delay', async () => {
    const api = fakeApi({ reveal: vi.fn(async () => SECRET) });
    render(<KeyRow api={api} meta={meta} clipboardClearSeconds={30} onRemoved={() => undefined} />);
    expect(screen.getByText('…456789')).toBeTruthy();
    expect(screen.getByText('Inference')).toBeTruthy();
    expect(screen.queryByText(SECRET)).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Show' }));
    expect((await screen.findByTestId('revealed-secret')).textContent).toBe(SECRET);
    fireEvent.click(screen.getByRole('button', { name: 'Hide' }));
    await waitFor(() => expect(screen.queryByTestId('revealed-secret')).toBeNull());

    fireEvent.click(screen.getByRole('button', { name: 'Copy key' }));
    await waitFor(() => expect(api.copy).toHaveBeenCalledWith(SECRET, 30));
    expect((await screen.findByRole('status')).textContent).toMatch(/cleared in 30 s/);
    fireEvent.click(screen.getByRole('button', { name: 'Copy as VENICE_API_KEY= line' }));
    await waitFor(() => expect(api.copy).toHaveBeenCalledWith(`VENICE_API_KEY=${SECRET}`, 30));
  });

  it('warns that removing does not revoke the key at Venice before removing it', async () => {
    const api = fakeApi();
    const onRemoved = vi.fn();
    render(<KeyRow api={api} meta={meta} clipboardClearSeconds={30} onRemoved={onRemoved} />);
    fireEvent.click(screen.getByRole('button', { name: 'Remove' }));
    expect(screen.getByText(/does NOT revoke the key at Venice/)).toBeTruthy();
    expect(api.remove).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Remove the local copy' }));
    await waitFor(() => expect(onRemoved).toHaveBeenCalled());
    expect(api.remove).toHaveBeenCalledWith(meta.id);
  });

  it('shows VAULT_LOCKED when the vault locked meanwhile', async () => {
    const api = fakeApi({ reveal: vi.fn(async () => { throw remote('VAULT_LOCKED', 'Your saved keys are locked.', 'unlock'); }) });
    render(<KeyRow api={api} meta={meta} clipboardClearSeconds={30} onRemoved={() => undefined} />);
    fireEvent.click(screen.getByRole('button', { name: 'Copy key' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Your saved keys are locked.');
    expect(api.copy).not.toHaveBeenCalled();
  });
});

describe('KeyImport', () => {
  beforeEach(() => { useEnglish(); });
  afterEach(cleanup);

  it('refuses text that is not a Venice key before asking the background', () => {
    const api = fakeApi();
    render(<KeyImport api={api} onDone={() => undefined} onCancel={() => undefined} />);
    fireEvent.input(screen.getByLabelText('API key'), { target: { value: 'sk-proj-123456' } });
    fireEvent.click(screen.getByRole('button', { name: 'Check and save' }));
    expect(screen.getByRole('alert').textContent).toMatch(/does not look like a Venice API key/);
    expect(api.importKey).not.toHaveBeenCalled();
  });

  it('sends a pasted key and its description, and shows Venice refusing it', async () => {
    const api = fakeApi({ importKey: vi.fn(async () => { throw remote('AUTHENTICATION_FAILED', 'Venice did not accept the API key.', 'check_key'); }) });
    render(<KeyImport api={api} onDone={() => undefined} onCancel={() => undefined} />);
    fireEvent.input(screen.getByLabelText('API key'), { target: { value: ` ${SECRET}\n` } });
    fireEvent.input(screen.getByLabelText('Description (optional)'), { target: { value: ' work ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Check and save' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Venice did not accept the API key.');
    expect(api.importKey).toHaveBeenCalledWith(expect.stringContaining(SECRET), 'work');
  });
});

describe('KeyShownOnce', () => {
  beforeEach(() => { useEnglish(); });
  afterEach(cleanup);

  it('shows the unsaved key once with a warning and a copy button', async () => {
    const copy = vi.fn(async () => undefined);
    const onDone = vi.fn();
    render(<KeyShownOnce secret={SECRET} copy={copy} onDone={onDone} />);
    expect(screen.getByRole('alertdialog')).toBeTruthy();
    expect(screen.getByText(/only time it is shown/)).toBeTruthy();
    expect(screen.getByTestId('shown-once-secret').textContent).toBe(SECRET);
    fireEvent.click(screen.getByRole('button', { name: 'Copy key' }));
    await waitFor(() => expect(copy).toHaveBeenCalledWith(SECRET));
    expect(await screen.findByText('Copied.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'I have saved it' }));
    expect(onDone).toHaveBeenCalled();
  });
});

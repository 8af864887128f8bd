// @vitest-environment happy-dom
// The popup's first paint from the stored snapshot: the home screen (and the vault screen around it)
// show it in the very first render, before the background answers, then follow the background.
import { cleanup, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Home } from '../../../components/Home';
import type { HomeSnapshot } from '../../../components/home-api';
import { PopupApp } from '../../../components/PopupApp';
import type { VaultStatusView } from '../../../lib/messaging/vault';
import { RemoteError } from '../../../lib/messaging/protocol';
import { fakeApi } from '../vault/fake-api';
import { useEnglish } from '../vault/english';
import { deferred, entry, fakeHomeApi, KEY_A, KEY_B, limits, NOW, refreshed, status } from './fixtures';

const now = () => NOW;
const snapshot = (): HomeSnapshot => ({ status: status(), keys: [KEY_A, KEY_B], pollMinutes: 5 });
const unlocked: VaultStatusView = { state: 'unlocked', records: [], damaged: [], clipboardClearSeconds: 30 };

describe('Home with a stored snapshot', () => {
  beforeEach(() => { useEnglish(); });
  afterEach(cleanup);

  it('shows the snapshot in the first render, then the background\'s answers', async () => {
    const answer = deferred<ReturnType<typeof status>>();
    const poll = deferred<ReturnType<typeof refreshed>>();
    const api = fakeHomeApi({ status: vi.fn(() => answer.promise), refresh: vi.fn(() => poll.promise) });
    const initial = snapshot();
    api.initial = vi.fn(() => initial);
    render(<Home api={api} now={now} />);
    // No await: the balance is there before any answer.
    expect(screen.getByTestId('balance-summary').textContent).toContain('$12.50');
    expect((screen.getByTestId('key-switch') as HTMLSelectElement).value).toBe(KEY_A.id);
    expect(screen.getAllByRole('option').map((o) => o.textContent)).toEqual(['Laptop (…aaaaaa)', 'Agent (…bbbbbb)']);
    expect(api.initial).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(api.status).toHaveBeenCalledTimes(1));

    answer.resolve(status({ entry: entry({ limits: limits({ balances: { USD: 7 } }) }) }));
    await waitFor(() => expect(screen.getByTestId('balance-summary').textContent).toContain('$7.00'));
    await waitFor(() => expect(api.refresh).toHaveBeenCalledTimes(1));
    poll.resolve(refreshed(status({ entry: entry({ limits: limits({ balances: { USD: 3 } }) }) })));
    await waitFor(() => expect(screen.getByTestId('balance-summary').textContent).toContain('$3.00'));
  });

  it('keeps the snapshot on screen and says why when the background cannot be reached', async () => {
    const api = fakeHomeApi({ status: vi.fn(async () => { throw new RemoteError({ code: 'X', message: 'The extension background is not answering.', action: 'retry' }); }) });
    api.initial = vi.fn(snapshot);
    render(<Home api={api} now={now} />);
    expect(await screen.findByText(/The extension background is not answering/)).toBeTruthy();
    expect(screen.getByTestId('balance-summary').textContent).toContain('$12.50');
    expect(api.refresh).not.toHaveBeenCalled();
  });

  it('hands the vault screen over when the background says the vault is locked after all', async () => {
    const onVaultChanged = vi.fn();
    const api = fakeHomeApi({ status: vi.fn(async () => status({ vault: 'locked', key: null, entry: null })) });
    api.initial = vi.fn(snapshot);
    render(<Home api={api} now={now} onVaultChanged={onVaultChanged} />);
    await waitFor(() => expect(onVaultChanged).toHaveBeenCalled());
  });
});

describe('PopupApp with a stored status', () => {
  beforeEach(() => { useEnglish(); });
  afterEach(cleanup);

  it('renders the home at once from it, and still asks the background', async () => {
    const answer = deferred<VaultStatusView>();
    const api = fakeApi({ status: vi.fn(() => answer.promise) });
    render(<PopupApp api={api} initialStatus={unlocked} home={() => <p>home screen</p>} />);
    expect(screen.getByText('home screen')).toBeTruthy();
    await waitFor(() => expect(api.status).toHaveBeenCalledTimes(1));
    answer.resolve({ state: 'locked', retryInMs: 0, records: [], damaged: [] });
    expect(await screen.findByRole('heading', { name: 'Unlock your keys' })).toBeTruthy();
  });
});

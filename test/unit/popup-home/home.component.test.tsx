// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Home } from '../../../components/Home';
import { RemoteError } from '../../../lib/messaging/protocol';
import { useEnglish } from '../vault/english';
import { deferred, entry, fakeHomeApi, KEY_A, KEY_B, limits, NOW, refreshed, status } from './fixtures';

const now = () => NOW;
const balanceOf = (label: string) =>
  screen.getByText(label, { selector: 'dt' }).parentElement!.querySelector('dd')!.textContent;

describe('Home', () => {
  beforeEach(() => { useEnglish(); });
  afterEach(cleanup);

  it('shows the cached state at once, then asks for a refresh and shows its answer', async () => {
    const poll = deferred<ReturnType<typeof refreshed>>();
    const api = fakeHomeApi({ refresh: vi.fn(() => poll.promise) });
    render(<Home api={api} now={now} />);
    await screen.findByTestId('balance-summary');
    expect(balanceOf('USD')).toBe('$12.50');
    expect(balanceOf('DIEM')).toBe('1.25 DIEM');
    expect(balanceOf('Bundled credits')).toBe('$0.00');
    expect(screen.getByTestId('status-chip').textContent).toBe('Can spend');
    expect(screen.getByTestId('expiry').textContent).toBe('Never expires');
    // The words behind the units, one click away.
    expect(screen.getByText('What are DIEM and credits?').tagName).toBe('SUMMARY');
    expect(screen.getByTestId('glossary').textContent).toMatch(/DIEM: The account's daily compute allowance/);
    expect(screen.getByTestId('active-key').textContent).toBe('Laptop (…aaaaaa)');
    expect(screen.getByRole('timer').textContent).toBe('2 h 30 min');
    expect(api.status.mock.invocationCallOrder[0]).toBeLessThan(api.refresh.mock.invocationCallOrder[0]!);
    expect(screen.getByRole('button', { name: 'Refreshing…' }).hasAttribute('disabled')).toBe(true);

    poll.resolve(refreshed(status({ entry: entry({ fetchedAt: NOW, attemptedAt: NOW, limits: limits({ balances: { USD: 3 } }) }) })));
    await waitFor(() => expect(balanceOf('USD')).toBe('$3.00'));
    expect(balanceOf('DIEM')).toBe('not reported');
    expect(screen.getByTestId('updated').textContent).toBe('Updated just now');
    expect(screen.getByRole('button', { name: 'Refresh' }).hasAttribute('disabled')).toBe(false);
  });

  it('has a friendly empty state with the mint slot and an import button when no key is saved', async () => {
    const onImport = vi.fn();
    const none = status({ key: null, entry: null });
    const api = fakeHomeApi({ status: vi.fn(async () => none), refresh: vi.fn(async () => refreshed(none, 'no-key')), keys: vi.fn(async () => []) });
    render(<Home api={api} now={now} onImport={onImport} mint={<p>mint panel here</p>} />);
    await screen.findByTestId('home-empty');
    expect(screen.getByRole('heading', { name: 'No API key yet' })).toBeTruthy();
    expect(screen.getByText('mint panel here')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Import a key' }));
    expect(onImport).toHaveBeenCalledOnce();
  });

  it('shows a loading state while the first answer is on its way', async () => {
    const first = deferred<ReturnType<typeof status>>();
    render(<Home api={fakeHomeApi({ status: vi.fn(() => first.promise) })} now={now} />);
    expect(screen.getByRole('status').textContent).toBe('Loading your balance…');
    first.resolve(status());
    await screen.findByTestId('balance-summary');
    expect(screen.queryByTestId('home-loading')).toBeNull();
  });

  it('says how old stale data is, warns, and refreshes on the button; a refresh asked too soon is explained', async () => {
    const old = status({ entry: entry({ fetchedAt: NOW - 7 * 60_000, attemptedAt: NOW - 7 * 60_000 }) });
    const api = fakeHomeApi({
      status: vi.fn(async () => old),
      refresh: vi.fn(async () => refreshed(old, 'too-soon')),
      pollMinutes: vi.fn(async () => 1),
    });
    render(<Home api={api} now={now} />);
    await waitFor(() => expect(screen.getByTestId('freshness').dataset.stale).toBe('true'));
    expect(screen.getByTestId('updated').textContent).toBe('Updated 7 min ago · This may be out of date.');
    await waitFor(() => expect(api.refresh).toHaveBeenCalledTimes(1));
    // The automatic refresh on open says nothing about "too soon"; the person's click does.
    expect(screen.getByTestId('freshness').textContent).not.toMatch(/less than 30 seconds/);
    fireEvent.click(await screen.findByRole('button', { name: 'Refresh' }));
    await waitFor(() => expect(api.refresh).toHaveBeenCalledTimes(2));
    expect((await screen.findByText(/Checked less than 30 seconds ago/)).getAttribute('role')).toBe('status');
  });

  it('is not stale within three polling periods', async () => {
    const recent = status({ entry: entry({ fetchedAt: NOW - 7 * 60_000 }) });
    render(<Home api={fakeHomeApi({ status: vi.fn(async () => recent), refresh: vi.fn(async () => refreshed(recent)) })} now={now} />);
    await waitFor(() => expect(screen.getByTestId('updated').textContent).toBe('Updated 7 min ago'));
    expect(screen.getByTestId('freshness').dataset.stale).toBe('false');
  });

  it('keeps the last balances after a failed check, and says why it failed', async () => {
    const failed = status({
      entry: entry({ status: 'error', attemptedAt: NOW - 1000, fetchedAt: NOW - 20 * 60_000, error: { code: 'NETWORK', message: 'Venice could not be reached.', action: 'retry' } }),
    });
    render(<Home api={fakeHomeApi({ status: vi.fn(async () => failed), refresh: vi.fn(async () => refreshed(failed, 'too-soon')) })} now={now} />);
    await screen.findByText('Could not refresh: Venice could not be reached.');
    expect(screen.getByTestId('freshness').dataset.stale).toBe('true');
    expect(balanceOf('USD')).toBe('$12.50');
  });

  it('shows an error with a retry when the status cannot be read, and recovers', async () => {
    const api = fakeHomeApi({
      status: vi.fn()
        .mockRejectedValueOnce(new RemoteError({ code: 'MALFORMED_RESPONSE', message: 'The extension background sent an answer that could not be read. Try again.', action: 'retry' }))
        .mockResolvedValue(status()),
    });
    render(<Home api={api} now={now} />);
    expect((await screen.findByRole('alert')).textContent).toBe('The extension background sent an answer that could not be read. Try again.');
    expect(api.refresh).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    await screen.findByTestId('balance-summary');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('shows the first failed check as an error with a retry instead of empty balances', async () => {
    const failed = status({ entry: entry({ status: 'error', fetchedAt: null, limits: null, error: { code: 'SERVER', message: 'Venice had a problem.', action: 'retry' } }) });
    const api = fakeHomeApi({ status: vi.fn(async () => failed), refresh: vi.fn(async () => refreshed(failed, 'failed')) });
    render(<Home api={api} now={now} />);
    expect((await screen.findByRole('alert')).textContent).toBe('Venice had a problem.');
    expect(screen.queryByTestId('balance-summary')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(api.refresh).toHaveBeenCalledTimes(2));
  });

  it('marks a blocked key and a revoked one', async () => {
    const blocked = status({ entry: entry({ limits: limits({ accessPermitted: false }) }) });
    render(<Home api={fakeHomeApi({ status: vi.fn(async () => blocked), refresh: vi.fn(async () => refreshed(blocked)) })} now={now} />);
    await waitFor(() => expect(screen.getByTestId('status-chip').textContent).toBe('Blocked'));
    // One banner and one action instead of the cards.
    expect(screen.getByTestId('blocked').textContent).toMatch(/Venice refuses requests with this key right now/);
    expect(screen.queryByTestId('balance-summary')).toBeNull();
    expect(screen.getByRole('button', { name: 'Check again' })).toBeTruthy();
    cleanup();

    const onManageKeys = vi.fn();
    const revoked = status({ entry: entry({ status: 'revoked', error: { code: 'AUTHENTICATION_FAILED', message: 'Venice did not accept the key.', action: 'new_key' } }) });
    render(<Home api={fakeHomeApi({ status: vi.fn(async () => revoked), refresh: vi.fn(async () => refreshed(revoked, 'revoked')) })} now={now} onManageKeys={onManageKeys} />);
    expect((await screen.findByTestId('revoked')).textContent).toMatch(/Checking has stopped/);
    expect(screen.getByTestId('status-chip').textContent).toBe('Not accepted');
    expect(screen.queryByTestId('balance-summary')).toBeNull();
    expect(screen.queryByTestId('home-copy')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Manage keys' }));
    expect(onManageKeys).toHaveBeenCalledOnce();
  });

  it.each([
    ['Can spend', 'ok', {}],
    ['Low balance', 'low', { entry: entry({ limits: limits({ balances: { USD: 0.5 } }) }) }],
    ['Out of date', 'stale', { entry: entry({ fetchedAt: NOW - 60 * 60_000 }) }],
    ['Not checked', 'failed', { entry: entry({ status: 'error', limits: null, fetchedAt: null, error: { code: 'NETWORK_ERROR', message: 'Could not reach Venice.', action: 'retry' } }) }],
  ] as const)('shows "%s" in the status chip, in the colour the badge is drawn with (%s)', async (label, level, over) => {
    const s = status(over);
    render(<Home api={fakeHomeApi({ status: vi.fn(async () => s), refresh: vi.fn(async () => refreshed(s)) })} now={now} />);
    const chip = await screen.findByTestId('status-chip');
    expect(chip.textContent).toBe(label);
    expect(chip.dataset.level).toBe(level);
    expect(s.badge?.level).toBe(level);
    expect(chip.getAttribute('style')).toBe(`background: ${s.badge!.color};`);
  });

  it('tells the parent when the vault is no longer unlocked', async () => {
    const onVaultChanged = vi.fn();
    render(<Home api={fakeHomeApi({ status: vi.fn(async () => status({ vault: 'locked', key: null, entry: null })) })} now={now} onVaultChanged={onVaultChanged} />);
    await waitFor(() => expect(onVaultChanged).toHaveBeenCalled());
  });

  it('shows the cap as a bar of what is left, and no cap card at all for a key without a cap', async () => {
    const capped = status({
      key: { id: KEY_A.id, description: 'Laptop', last6: 'aaaaaa', limits: { usd: 10, diem: null }, limitPeriod: 'MONTH' },
      entry: entry({ limits: limits({ balances: { USD: 3, BUNDLED_CREDITS: 1, DIEM: 2 } }) }),
    });
    render(<Home api={fakeHomeApi({ status: vi.fn(async () => capped), refresh: vi.fn(async () => refreshed(capped)) })} now={now} />);
    const meter = await screen.findByRole('meter');
    expect(meter.getAttribute('aria-valuenow')).toBe('4');
    expect(meter.getAttribute('aria-valuemax')).toBe('10');
    expect(meter.getAttribute('aria-valuetext')).toBe('$4.00 left of $10.00');
    expect(screen.getByTestId('usage').textContent).toMatch(/per month, resets on the 1st/);
    cleanup();
    render(<Home api={fakeHomeApi()} now={now} />);
    await screen.findByTestId('balance-summary');
    expect(screen.queryByTestId('usage')).toBeNull();
    expect(screen.queryByRole('meter')).toBeNull();
  });

  it('copies the active key, or its VENICE_API_KEY= line, from home, and says when the clipboard clears', async () => {
    const copyVault = {
      reveal: vi.fn(async (id: string) => `secret-of-${id}`),
      copy: vi.fn(async () => 'copied-will-clear' as const),
      clipboardClearSeconds: vi.fn(async () => 45),
    };
    render(<Home api={fakeHomeApi()} now={now} copyVault={copyVault} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Copy key' }));
    await waitFor(() => expect(copyVault.copy).toHaveBeenCalledWith(`secret-of-${KEY_A.id}`, 45));
    const copyRow = await screen.findByTestId('home-copy');
    await waitFor(() => expect(copyRow.textContent).toMatch(/cleared in 45 s/));
    copyVault.copy.mockResolvedValue('copied-no-clear' as never);
    fireEvent.click(screen.getByRole('button', { name: 'Copy as VENICE_API_KEY= line' }));
    await waitFor(() => expect(copyVault.copy).toHaveBeenLastCalledWith(`VENICE_API_KEY=secret-of-${KEY_A.id}`, 45));
    await waitFor(() => expect(copyRow.textContent).toMatch(/Clear your clipboard yourself/));
  });

  it('switches the active key from the list when several are saved', async () => {
    let active = KEY_A;
    const api = fakeHomeApi({
      keys: vi.fn(async () => [KEY_A, KEY_B]),
      status: vi.fn(async () => status({ key: { id: active.id, description: active.description, last6: active.last6 }, entry: active === KEY_A ? entry() : null })),
      refresh: vi.fn(async () => refreshed(status({ key: { id: active.id, description: active.description, last6: active.last6 }, entry: entry({ limits: limits({ balances: { USD: 99 } }) }) }))),
      setActiveKey: vi.fn(async (id: string) => { active = id === KEY_B.id ? KEY_B : KEY_A; }),
    });
    render(<Home api={api} now={now} />);
    const select = (await screen.findByLabelText('Show the balance of')) as HTMLSelectElement;
    expect([...select.options].map((o) => o.textContent)).toEqual(['Laptop (…aaaaaa)', 'Agent (…bbbbbb)']);
    expect(select.value).toBe(KEY_A.id);
    fireEvent.change(select, { target: { value: KEY_B.id } });
    await waitFor(() => expect(api.setActiveKey).toHaveBeenCalledWith(KEY_B.id));
    await waitFor(() => expect((screen.getByLabelText('Show the balance of') as HTMLSelectElement).value).toBe(KEY_B.id));
    await waitFor(() => expect(balanceOf('USD')).toBe('$99.00'));
    expect(api.setActiveKey).toHaveBeenCalledTimes(1);
  });

  it('shows no switcher for a single key, and the error when a switch is refused', async () => {
    render(<Home api={fakeHomeApi()} now={now} />);
    await screen.findByTestId('active-key');
    expect(screen.queryByRole('combobox')).toBeNull();
    cleanup();

    const api = fakeHomeApi({
      keys: vi.fn(async () => [KEY_A, KEY_B]),
      setActiveKey: vi.fn(async () => { throw new RemoteError({ code: 'INVALID_SETTING', message: 'That key is not saved.', action: 'fix_input' }); }),
    });
    render(<Home api={api} now={now} />);
    fireEvent.change(await screen.findByLabelText('Show the balance of'), { target: { value: KEY_B.id } });
    expect(await screen.findByText('That key is not saved.')).toBeTruthy();
  });

  it('follows the background: a poll stored by the alarm shows without a refresh, and a lock is passed up', async () => {
    let notify = () => undefined as void;
    let current = status();
    const onVaultChanged = vi.fn();
    const api = fakeHomeApi({
      status: vi.fn(async () => current),
      watch: vi.fn((listener: () => void) => { notify = listener; return () => undefined; }),
    });
    render(<Home api={api} now={now} onVaultChanged={onVaultChanged} />);
    await waitFor(() => expect(balanceOf('USD')).toBe('$12.50'));
    await waitFor(() => expect(api.refresh).toHaveBeenCalledOnce());
    current = status({ entry: entry({ limits: limits({ accessPermitted: false, balances: { USD: 0 } }) }) });
    notify();
    await waitFor(() => expect(screen.getByTestId('status-chip').textContent).toBe('Blocked'));
    expect(screen.getByTestId('blocked')).toBeTruthy();
    expect(api.refresh).toHaveBeenCalledOnce();

    current = status({ vault: 'locked', key: null, entry: null });
    notify();
    await waitFor(() => expect(onVaultChanged).toHaveBeenCalled());
  });
});

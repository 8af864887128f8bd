// @vitest-environment happy-dom
// The Manage keys page against a fake ManageApi: no ADMIN key → the why and the way out, no admin
// route called; a 401 names the key; the list with its held/paused markers; create validated
// before posting, the 429 and lost-answer outcomes; revoke needs the last six typed and warns
// about the ADMIN key in use; an edit shows the documented traps before saving.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ManageApi } from '../../../components/manage-api';
import { ManageApp } from '../../../components/ManageApp';
import type { KeyMeta } from '../../../lib/vault/record';
import type { KeyRecord } from '../../../lib/venice/schemas/keys';
import { useEnglish } from '../vault/english';
import { remote } from '../vault/fake-api';

const API = 'https://api.venice.ai/api/v1';
const NOW = Date.parse('2026-01-10T12:00:00Z');
const meta = (over: Partial<KeyMeta>): KeyMeta => ({
  id: crypto.randomUUID(), last6: 'aaaaaa', type: 'ADMIN', description: 'ops admin', source: 'imported', apiBaseUrl: API,
  createdAt: '2026-01-01T00:00:00.000Z', limits: {}, expiresAt: null, ...over,
});
const venice = (over: Partial<KeyRecord>): KeyRecord => ({
  id: 'k-1', apiKeyType: 'INFERENCE', consumptionLimits: { usd: 10, diem: null }, limitPeriod: 'EPOCH', modelPrivacy: 'ALL',
  createdAt: '2026-01-05T00:00:00.000Z', description: 'ci bot', expiresAt: null, last6Chars: 'bbbbbb', lastUsedAt: null,
  usage: { trailingSevenDays: { usd: '1.5000', vcu: '0.0000', diem: '0.0000' } }, currentPeriodUsage: { usd: '9.0000', diem: '0.0000' }, ...over,
});

function fakeManage(records: KeyMeta[], keys: KeyRecord[] = []): { [K in keyof ManageApi]: ReturnType<typeof vi.fn> & ManageApi[K] } {
  return {
    status: vi.fn(async () => ({ state: 'unlocked' as const, records, damaged: [], clipboardClearSeconds: 30 })),
    unlock: vi.fn(), importKey: vi.fn(), copy: vi.fn(async () => 'copied-will-clear' as const),
    list: vi.fn(async () => ({ keys, paused: [] as string[] })),
    get: vi.fn(async (_a: string, id: string) => keys.find((k) => k.id === id)!),
    create: vi.fn(), update: vi.fn(async () => ({})), pause: vi.fn(), resume: vi.fn(), revoke: vi.fn(async () => ({ marked: 0 })),
    balance: vi.fn(async () => ({ canConsume: true, consumptionCurrency: 'DIEM' as const, balances: { diem: 1, usd: 2 }, diemEpochAllocation: 3 })),
    rateLimitLog: vi.fn(async () => []),
  } as never;
}

describe('the Manage keys page', () => {
  beforeEach(() => { useEnglish(); });
  afterEach(cleanup);

  it('with only INFERENCE keys says why it needs an ADMIN key, offers import, and calls no admin route', async () => {
    const api = fakeManage([meta({ type: 'INFERENCE', description: 'laptop' })]);
    render(<ManageApp api={api} now={() => NOW} />);
    expect((await screen.findByTestId('manage-no-admin')).textContent).toMatch(/only to an admin key.*1 inference key/s);
    expect(screen.getByRole('button', { name: 'Import an admin key' })).toBeTruthy();
    for (const route of ['list', 'get', 'create', 'balance', 'rateLimitLog'] as const) expect(api[route]).not.toHaveBeenCalled();
  });

  it('names the key and the fix when Venice answers 401 "Admin API key required"', async () => {
    const api = fakeManage([meta({ last6: 'zzzzzz', description: 'not really admin' })]);
    api.list.mockRejectedValue(remote('ADMIN_KEY_REQUIRED', 'This needs an admin API key.', 'use_admin_key'));
    render(<ManageApp api={api} now={() => NOW} />);
    const error = await screen.findAllByTestId('manage-error');
    expect(error[0]!.textContent).toMatch(/not really admin \(…zzzzzz\).*not an admin key.*import or mint one/);
  });

  it('lists the keys with the vault marker and use over 80% of a cap', async () => {
    const held = meta({ type: 'INFERENCE', veniceId: 'k-1', last6: 'bbbbbb' });
    render(<ManageApp api={fakeManage([meta({}), held], [venice({}), venice({ id: 'k-2', description: 'other', currentPeriodUsage: { usd: '1.0000', diem: '0.0000' } })])} now={() => NOW} />);
    const table = within(await screen.findByTestId('keys-table'));
    const row = (await table.findByText('ci bot')).closest('tr')!;
    expect(row.textContent).toMatch(/In this vault/);
    expect(row.textContent).toMatch(/\$9 \/ \$10 \(90%\)/);
    expect(table.getByText('other').closest('tr')!.textContent).not.toMatch(/In this vault|%\)/);
    // The 7-day spend chart's table fallback carries the same figures.
    expect(within(screen.getByTestId('usage-chart')).getAllByText('1.5000')).toHaveLength(2);
    fireEvent.click(screen.getByLabelText('Over 80% of a cap'));
    await waitFor(() => expect(screen.getByTestId('keys-count').textContent).toBe('1 of 2 keys shown'));
  });

  it('draws the rate-limit log as a timeline, one lane per model and type, summarized for screen readers', async () => {
    const api = fakeManage([meta({})]);
    const entry = (modelId: string, rateLimitType: string, timestamp: string) => ({ apiKeyId: 'k-1', modelId, rateLimitTier: 'paid', rateLimitType, timestamp });
    api.rateLimitLog.mockResolvedValue([
      entry('llama', 'RPM', '2026-01-10T11:00:00Z'),
      entry('llama', 'RPM', '2026-01-10T11:30:00Z'),
      entry('none', 'FAILED_REQUESTS', '2026-01-10T11:45:00Z'),
    ]);
    render(<ManageApp api={api} now={() => NOW} />);
    const timeline = await screen.findByTestId('rate-limit-timeline');
    const lanes = [...timeline.querySelectorAll('g[data-lane]')].map((g) => [g.getAttribute('data-lane'), g.querySelectorAll('circle').length]);
    expect(lanes).toEqual([['llama · RPM', 2], ['none · FAILED_REQUESTS', 1]]);
    expect(within(timeline).getByRole('img').getAttribute('aria-label')).toBe(
      'Timeline of 3 rate-limit breaches in 2 groups of model and type, from 2026-01-10 11:00 to 2026-01-10 11:45 UTC. The table below lists each one.',
    );
  });

  it('shows the list the first question brought without asking again; another ADMIN key asks for its own', async () => {
    const first = meta({ description: 'first admin' });
    const second = meta({ description: 'second admin', last6: 'cccccc' });
    const api = fakeManage([first, second], [venice({ id: 'k-2', description: 'listed later' })]);
    const opening = Promise.resolve({ status: { state: 'unlocked' as const, records: [first, second], damaged: [], clipboardClearSeconds: 30 }, list: { adminId: first.id, keys: [venice({})], paused: [] } });
    render(<ManageApp api={api} opening={opening} now={() => NOW} />);
    expect(await within(await screen.findByTestId('keys-table')).findByText('ci bot')).toBeTruthy();
    expect(api.status).not.toHaveBeenCalled();
    expect(api.list).not.toHaveBeenCalled();
    fireEvent.change(screen.getByLabelText('Admin key used'), { target: { value: second.id } });
    await waitFor(() => expect(api.list).toHaveBeenCalledWith(second.id));
    expect(await within(screen.getByTestId('keys-table')).findByText('listed later')).toBeTruthy();
  });

  it('locked meanwhile: an action shows the unlock, and once unlocked the table asks Venice again instead of showing the list from when the page opened', async () => {
    const admin = meta({ description: 'first admin' });
    const api = fakeManage([admin], [venice({ id: 'k-2', description: 'listed after unlock' })]);
    const opening = Promise.resolve({ status: { state: 'unlocked' as const, records: [admin], damaged: [], clipboardClearSeconds: 30 }, list: { adminId: admin.id, keys: [venice({})], paused: [] } });
    render(<ManageApp api={api} opening={opening} now={() => NOW} />);
    expect(await within(await screen.findByTestId('keys-table')).findByText('ci bot')).toBeTruthy();
    api.get.mockRejectedValueOnce(remote('VAULT_LOCKED', 'The vault is locked.', 'unlock'));
    api.status.mockResolvedValueOnce({ state: 'locked', retryInMs: 0 });
    fireEvent.click(screen.getByRole('button', { name: /Open details of ci bot/ }));
    fireEvent.input(await screen.findByLabelText('Passphrase'), { target: { value: 'a long enough passphrase' } });
    api.unlock.mockResolvedValue({ state: 'unlocked' });
    fireEvent.click(screen.getByRole('button', { name: 'Unlock' }));
    expect(await within(await screen.findByTestId('keys-table')).findByText('listed after unlock')).toBeTruthy();
    expect(api.list).toHaveBeenCalledWith(admin.id);
    expect(screen.queryByText('ci bot')).toBeNull();
  });

  it("names the key when the first question brought Venice's refusal", async () => {
    const admin = meta({ last6: 'zzzzzz', description: 'not really admin' });
    const api = fakeManage([admin]);
    const opening = Promise.resolve({
      status: { state: 'unlocked' as const, records: [admin], damaged: [], clipboardClearSeconds: 30 },
      list: { adminId: admin.id, error: { code: 'ADMIN_KEY_REQUIRED', message: 'This needs an admin API key.', action: 'use_admin_key' } },
    });
    render(<ManageApp api={api} opening={opening} now={() => NOW} />);
    expect((await screen.findAllByTestId('manage-error'))[0]!.textContent).toMatch(/not really admin \(…zzzzzz\).*not an admin key/);
    expect(api.list).not.toHaveBeenCalled();
  });

  it("rotates: the create form filled with the key's settings, named as a rotation of it", async () => {
    render(<ManageApp api={fakeManage([meta({})], [venice({ consumptionLimits: { usd: 3, diem: null }, limitPeriod: 'MONTH' })])} now={() => NOW} />);
    fireEvent.click(await screen.findByRole('button', { name: /Open details of ci bot/ }));
    fireEvent.click(await screen.findByRole('button', { name: 'Rotate' }));
    expect((await screen.findByTestId('rotate-intro')).textContent).toContain('bbbbbb');
    expect((screen.getByLabelText('USD cap') as HTMLInputElement).value).toBe('3');
    expect((screen.getByLabelText('Description') as HTMLInputElement).value).toBe('ci bot');
  });

  it('checks the create form before posting, then explains a 429 with the wait', async () => {
    const api = fakeManage([meta({})]);
    render(<ManageApp api={api} now={() => NOW} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Create a key' }));
    fireEvent.input(screen.getByLabelText('USD cap'), { target: { value: '-3' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create and save in the vault' }));
    expect(await screen.findByText('Give the key a description.')).toBeTruthy();
    expect(screen.getByText('A cap cannot be negative.')).toBeTruthy();
    expect(api.create).not.toHaveBeenCalled();

    api.create.mockResolvedValue({ outcome: 'rate-limited', retryAfterSeconds: 37 });
    fireEvent.input(screen.getByLabelText('Description'), { target: { value: 'ci' } });
    fireEvent.input(screen.getByLabelText('USD cap'), { target: { value: '3' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create and save in the vault' }));
    expect((await screen.findByTestId('manage-notice')).textContent).toMatch(/20 key creations a minute.*Try again in 37 s/);
    expect(api.create).toHaveBeenCalledWith(expect.any(String), expect.objectContaining({ description: 'ci', consumptionLimit: { usd: 3, diem: null } }));
  });

  it('after a lost answer offers the orphan for revoking, never creating again', async () => {
    const api = fakeManage([meta({})]);
    api.create.mockResolvedValue({ outcome: 'lost', listed: true, orphans: [venice({ id: 'ghost', description: 'ci', last6Chars: 'gggggg' })] });
    render(<ManageApp api={api} now={() => NOW} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Create a key' }));
    fireEvent.input(screen.getByLabelText('Description'), { target: { value: 'ci' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create and save in the vault' }));
    const lost = await screen.findByTestId('create-lost');
    expect(lost.textContent).toMatch(/NOT sent again.*…gggggg/s);
    fireEvent.click(screen.getByRole('button', { name: 'Revoke…' }));
    expect((await screen.findByTestId('revoke-confirm')).textContent).toMatch(/Revoke “ci” \(…gggggg\)/);
    expect(api.create).toHaveBeenCalledTimes(1);
  });

  it('revokes only after the last six are typed, warning first when it is the ADMIN key in use', async () => {
    const admin = meta({ veniceId: 'adm', last6: 'aaaaaa' });
    const adminAtVenice = venice({ id: 'adm', apiKeyType: 'ADMIN', description: 'ops admin', last6Chars: 'aaaaaa' });
    const api = fakeManage([admin], [adminAtVenice]);
    render(<ManageApp api={api} now={() => NOW} />);
    fireEvent.click(await screen.findByRole('button', { name: /Open details of ops admin/ }));
    fireEvent.click(await screen.findByRole('button', { name: 'Revoke…' }));
    expect(screen.getByTestId('revoke-admin-in-use')).toBeTruthy();
    const submit = screen.getByRole('button', { name: 'Revoke …aaaaaa' }) as HTMLButtonElement;
    expect(submit.disabled).toBe(true);
    fireEvent.input(screen.getByLabelText(/Type aaaaaa/), { target: { value: 'aaaaab' } });
    expect(submit.disabled).toBe(true);
    fireEvent.input(screen.getByLabelText(/Type aaaaaa/), { target: { value: 'aaaaaa' } });
    fireEvent.click(submit);
    await waitFor(() => expect(api.revoke).toHaveBeenCalledWith(admin.id, expect.objectContaining({ id: 'adm' })));
  });

  it('shows the documented traps of an edit before saving it', async () => {
    const api = fakeManage([meta({})], [venice({})]);
    render(<ManageApp api={api} now={() => NOW} />);
    fireEvent.click(await screen.findByRole('button', { name: /Open details of ci bot/ }));
    fireEvent.click(await screen.findByRole('button', { name: 'Edit' }));
    fireEvent.input(screen.getByLabelText('USD cap'), { target: { value: '0' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect((await screen.findByTestId('edit-traps')).textContent).toMatch(/USD cap of 0 blocks USD spending/);
    expect(api.update).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Save with these effects' }));
    await waitFor(() => expect(api.update).toHaveBeenCalledWith(expect.any(String), { id: 'k-1', consumptionLimit: { usd: 0, diem: null } }));
  });
});

// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { saveButton, setup, type } from './options-form-fixture';
import { useEnglish } from '../vault/english';

describe('OptionsForm', () => {
  beforeEach(() => { useEnglish(); });
  afterEach(cleanup);

  it('labels every control', () => {
    setup({ sandbox: true });
    const controls = [...document.querySelectorAll('input, select')];
    expect(controls.length).toBe(13);
    for (const input of controls) {
      expect(document.querySelector(`label[for="${input.id}"]`), input.id).not.toBeNull();
    }
  });

  it('shows the reason next to a refused field, keeps what was typed and sends nothing', async () => {
    const { save } = setup({ sandbox: true });
    type('Venice API address', 'http://example.com/api/v1');
    fireEvent.blur(screen.getByLabelText('Venice API address'));
    const input = screen.getByLabelText('Venice API address') as HTMLInputElement;
    expect(input.getAttribute('aria-invalid')).toBe('true');
    const reason = document.getElementById(input.getAttribute('aria-describedby')!.split(' ')[0]!);
    expect(reason?.textContent).toBe('Use https://api.venice.ai/api/v1 or the local sandbox (http://127.0.0.1)');
    type('Check the balance every (minutes)', '0.2');
    fireEvent.click(saveButton());
    expect(save).not.toHaveBeenCalled();
    expect(screen.getByRole('status').textContent).toMatch(/need a change/);
    expect(screen.getByText(/at most every 30 seconds/)).toBeTruthy();
    expect(input.value).toBe('http://example.com/api/v1');
  });

  it('saves a valid change and says so', async () => {
    const { save } = setup();
    type('Check the balance every (minutes)', '2,5');
    type("Low when under this share of the key's cap (%)", '20');
    fireEvent.change(screen.getByLabelText('Balance shown on the badge'), { target: { value: 'DIEM' } });
    fireEvent.click(saveButton());
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Settings saved.'));
    expect(save).toHaveBeenCalledWith(expect.objectContaining({ pollMinutes: 2.5, lowBalanceRatio: 0.2, badgeUnit: 'DIEM' }));
  });

  it('fills the sandbox addresses from its ports, and refuses a bad port', () => {
    setup({ sandbox: true });
    type('Sandbox API port', '99999');
    fireEvent.click(screen.getByRole('button', { name: 'Fill in the sandbox addresses' }));
    expect(screen.getByRole('alert').textContent).toBe('Enter a port number from 1 to 65535.');
    type('Sandbox API port', '8787');
    type('Sandbox RPC port (optional)', '8545');
    fireEvent.click(screen.getByRole('button', { name: 'Fill in the sandbox addresses' }));
    expect((screen.getByLabelText('Venice API address') as HTMLInputElement).value).toBe('http://127.0.0.1:8787/api/v1');
    expect((screen.getByLabelText('Base network RPC address') as HTMLInputElement).value).toBe('http://127.0.0.1:8545');
  });

  it('offers the sandbox only in a sandbox build', () => {
    setup();
    expect(screen.queryByLabelText('Sandbox API port')).toBeNull();
  });

  it('asks for the notification permission when a switch is turned on, and keeps it off when refused', async () => {
    const { requestNotifications } = setup({ permission: 'denied' });
    const box = screen.getByLabelText('When the balance is low') as HTMLInputElement;
    fireEvent.click(box);
    expect(requestNotifications).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(/not allowed/));
    expect(box.checked).toBe(false);
  });

  it('turns a switch on once the permission is granted, and saves it', async () => {
    const { save } = setup({ permission: 'granted' });
    const box = screen.getByLabelText('When the key expires within three days') as HTMLInputElement;
    fireEvent.click(box);
    await waitFor(() => expect(box.checked).toBe(true));
    fireEvent.click(saveButton());
    await waitFor(() => expect(save).toHaveBeenCalled());
    expect(save.mock.calls[0]![0].notifications).toEqual({ blocked: false, lowBalance: false, expiring: true });
  });
  it('a store build shows the pinned addresses read-only, says why, and offers no other address', () => {
    setup();
    for (const label of ['Venice API address', 'Base network RPC address']) {
      expect((screen.getByLabelText(label) as HTMLInputElement).readOnly).toBe(true);
    }
    expect((screen.getByLabelText('Venice API address') as HTMLInputElement).value).toBe('https://api.venice.ai/api/v1');
    expect(screen.getByText(/always uses Venice's address/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Use Venice (api.venice.ai)' })).toBeNull();
    cleanup();
    setup({ sandbox: true });
    expect((screen.getByLabelText('Venice API address') as HTMLInputElement).readOnly).toBe(false);
  });

  it('says at the top when a stored address was refused and read as the default', () => {
    setup({ refused: ['apiBaseUrl'] });
    expect(screen.getByTestId('address-refused').textContent).toMatch(/was ignored: Venice API address\. .*sends no key, token or signature anywhere else/);
    cleanup();
    setup();
    expect(screen.queryByTestId('address-refused')).toBeNull();
  });

  it('a store build refuses http://127.0.0.1 next to the field and sends nothing', async () => {
    const { save } = setup();
    type('Base network RPC address', 'http://127.0.0.1:8545');
    fireEvent.click(saveButton());
    const input = screen.getByLabelText('Base network RPC address') as HTMLInputElement;
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(input.getAttribute('aria-describedby')!.split(' ')[0]!)?.textContent).toBe(
      'This build uses https://mainnet.base.org only (http://127.0.0.1 works only in the sandbox build)',
    );
    expect(screen.getByRole('status').textContent).toMatch(/need a change/);
    expect(save).not.toHaveBeenCalled();
  });

  it('saves the sandbox address in the sandbox build', async () => {
    const { save } = setup({ sandbox: true });
    type('Venice API address', 'http://127.0.0.1:8787/api/v1');
    fireEvent.click(saveButton());
    await waitFor(() => expect(save).toHaveBeenCalledOnce());
  });
});

// Renders the options form with a save that validates like the background and a notification request that answers as told.
import { SANDBOX_BUILD, STORE_BUILD, type UrlField } from '../../../lib/settings/build-policy';
import { fireEvent, render, screen } from '@testing-library/preact';
import { vi } from 'vitest';
import { OptionsForm, type PermissionAnswer } from '../../../components/OptionsForm';
import { DEFAULT_SETTINGS } from '../../../lib/settings/schema';
import { applySettingsPatch } from '../../../lib/settings/validate';

export const type = (label: string | RegExp, value: string) => fireEvent.input(screen.getByLabelText(label), { target: { value } });
export const saveButton = () => screen.getByRole('button', { name: 'Save' });

export function setup(options: { sandbox?: boolean; permission?: PermissionAnswer; refused?: UrlField[] } = {}) {
  const save = vi.fn(async (patch: Record<string, unknown>) => applySettingsPatch(DEFAULT_SETTINGS, patch, options.sandbox ? SANDBOX_BUILD : STORE_BUILD));
  const requestNotifications = vi.fn(async () => options.permission ?? 'granted');
  render(
    <OptionsForm
      initial={DEFAULT_SETTINGS}
      policy={options.sandbox ? SANDBOX_BUILD : STORE_BUILD}
      refused={options.refused ?? []}
      save={save}
      requestNotifications={requestNotifications}
    />,
  );
  return { save, requestNotifications };
}

// Renders the options form over a fake browser.permissions, with clicks that are user gestures.
import { SANDBOX_BUILD, STORE_BUILD, type UrlField } from '../../../lib/settings/build-policy';
import { fireEvent, render, screen } from '@testing-library/preact';
import { vi } from 'vitest';
import { OptionsForm, type PermissionAnswer } from '../../../components/OptionsForm';
import { DEFAULT_SETTINGS, type Settings } from '../../../lib/settings/schema';
import { applySettingsPatch } from '../../../lib/settings/validate';
import { requestAccess } from '../../../lib/settings/permissions';
import { fakePermissions } from './fake-permissions';

export const type = (label: string | RegExp, value: string) => fireEvent.input(screen.getByLabelText(label), { target: { value } });
export const saveButton = () => screen.getByRole('button', { name: 'Save' });

export function setup(options: { sandbox?: boolean; permission?: PermissionAnswer; permissions?: ReturnType<typeof fakePermissions>; initial?: Settings; refused?: UrlField[] } = {}) {
  const save = vi.fn(async (patch: Record<string, unknown>) => applySettingsPatch(DEFAULT_SETTINGS, patch, options.sandbox ? SANDBOX_BUILD : STORE_BUILD));
  const requestNotifications = vi.fn(async () => options.permission ?? 'granted');
  const permissions = options.permissions ?? fakePermissions();
  render(
    <OptionsForm
      initial={options.initial ?? DEFAULT_SETTINGS}
      policy={options.sandbox ? SANDBOX_BUILD : STORE_BUILD}
      refused={options.refused ?? []}
      save={save}
      requestNotifications={requestNotifications}
      requestAccess={(needs) => requestAccess(permissions, needs)}
      clipboardAllowed={permissions.held.has('clipboardRead')}
    />,
  );
  /** Clicks Save as a person does: the click is a user gesture while it is handled. */
  const clickSave = () => permissions.gesture(() => fireEvent.click(saveButton()));
  const clickAllow = () => permissions.gesture(() => fireEvent.click(screen.getByRole('button', { name: 'Allow clearing' })));
  return { save, requestNotifications, permissions, clickSave, clickAllow };
}

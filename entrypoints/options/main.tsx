import { render, type ComponentChildren } from 'preact';
import { browser } from 'wxt/browser';
import { i18n } from '#i18n';
import { OptionsForm, type PermissionAnswer } from '../../components/OptionsForm';
import { holdsClipboardRead, requestAccess } from '../../lib/settings/permissions';
import { clientFor } from '../../lib/messaging/client';
import { sendVia } from '../../lib/messaging/runtime';
import { settingsContracts } from '../../lib/messaging/settings';

const client = clientFor(settingsContracts, sendVia(browser.runtime));

const root = document.getElementById('app')!;
document.title = i18n.t('options.title');

/** Asks for the optional "notifications" permission; must run inside the click that turned a switch on. */
function requestNotifications(): Promise<PermissionAnswer> {
  try {
    return browser.permissions
      .request({ permissions: ['notifications'] })
      .then((granted): PermissionAnswer => (granted ? 'granted' : 'denied'))
      .catch((): PermissionAnswer => 'unavailable'); // not declared as optional in this build
  } catch {
    return Promise.resolve('unavailable');
  }
}

function Page({ children }: { children: ComponentChildren }) {
  return (
    <div class="stack">
      <h1>{i18n.t('options.title')}</h1>
      <p class="hint">{i18n.t('options.intro')}</p>
      {children}
    </div>
  );
}

render(
  <Page>
    <p role="status">{i18n.t('options.loading')}</p>
  </Page>,
  root,
);

Promise.all([client['settings.get']({}), holdsClipboardRead(browser.permissions)])
  .then(([settings, clipboardAllowed]) =>
    render(
      <Page>
        <OptionsForm
          initial={settings}
          sandboxBuild={import.meta.env.MODE === 'sandbox'}
          save={(patch) => client['settings.set']({ patch })}
          requestNotifications={requestNotifications}
          requestAccess={(needs) => requestAccess(browser.permissions, needs)}
          clipboardAllowed={clipboardAllowed}
        />
      </Page>,
      root,
    ),
  )
  .catch(() =>
    render(
      <Page>
        <p class="error" role="alert">
          {i18n.t('options.load_failed')}
        </p>
      </Page>,
      root,
    ),
  );

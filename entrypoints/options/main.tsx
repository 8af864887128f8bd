import { render, type ComponentChildren } from 'preact';
import { browser } from 'wxt/browser';
import { i18n } from '#i18n';
import { OptionsForm, type PermissionAnswer } from '../../components/OptionsForm';
import { buildPolicyFor } from '../../lib/settings/build-policy';
import { refusedAddresses } from '../../lib/settings/validate';
import { SETTINGS_ITEM } from '../../lib/storage/keys';
import { clientFor } from '../../lib/messaging/client';
import { sendVia } from '../../lib/messaging/runtime';
import { settingsContracts } from '../../lib/messaging/settings';

const client = clientFor(settingsContracts, sendVia(browser.runtime));
/** This build's addresses (lib/settings/build-policy.ts), chosen once here. */
const policy = buildPolicyFor(import.meta.env.MODE);

/** The stored addresses this build refused (read as the defaults), so the page can say so. */
const refusedNow = () =>
  browser.storage.local.get(SETTINGS_ITEM.key).then((local) => refusedAddresses(local[SETTINGS_ITEM.key], policy), () => []);

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
      <p class="row wrap">
        <a class="button" href={browser.runtime.getURL('/manage.html')} target="_blank" rel="noopener" data-testid="open-manage">{i18n.t('manage.open')}</a>
        <span class="hint">{i18n.t('manage.open_hint')}</span>
      </p>
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

Promise.all([client['settings.get']({}), refusedNow()])
  .then(([settings, refused]) =>
    render(
      <Page>
        <OptionsForm
          initial={settings}
          policy={policy}
          refused={refused}
          save={(patch) => client['settings.set']({ patch })}
          requestNotifications={requestNotifications}
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

import { useSignal } from '@preact/signals';
import { i18n } from '#i18n';
import type { KeyMeta } from '../lib/vault/record';
import { lazyScreen } from './lazy-screen';
import type { ManageApi } from './manage-api';

// The section's code, its charts and its contracts load on first open only.
const ManageUsage = lazyScreen(() => import('./ManageUsage').then((m) => m.ManageUsage));

/** The Usage section's heading and its Show/Hide button; nothing is asked of Venice until it is opened. */
export function ManageUsageSection({ api, admin, now }: { api: ManageApi; admin: KeyMeta; now?: () => number }) {
  const open = useSignal(false);
  return (
    <section class="stack" aria-labelledby="usage-section-title">
      <div class="row spread">
        <h2 id="usage-section-title">{i18n.t('manage.analytics.title')}</h2>
        <button type="button" aria-expanded={open.value} aria-controls="usage-section-body" onClick={() => { open.value = !open.value; }} data-testid="usage-open">
          {open.value ? i18n.t('manage.analytics.hide') : i18n.t('manage.analytics.open')}
        </button>
      </div>
      <p class="hint">{i18n.t('manage.analytics.intro')}</p>
      <div id="usage-section-body">{open.value && <ManageUsage api={api} admin={admin} now={now} />}</div>
    </section>
  );
}

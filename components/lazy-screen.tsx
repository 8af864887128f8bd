import type { ComponentType } from 'preact';
import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { i18n } from '#i18n';

/**
 * A screen whose code is evaluated on first use (in the popup's one script, popup-app.js,
 * an inlined dynamic import), so opening the popup does not evaluate the set-up, import
 * and settings code.
 */
export function lazyScreen<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  let loaded: ComponentType<P> | null = null;
  let pending: Promise<ComponentType<P>> | null = null;
  return function LazyScreen(props: P) {
    const ready = useSignal(loaded !== null);
    const failed = useSignal(false);
    useEffect(() => {
      if (loaded) return;
      pending ??= load();
      pending.then((component) => { loaded = component; ready.value = true; }, () => { pending = null; failed.value = true; });
    }, []);
    if (failed.value) return <p class="error" role="alert">{i18n.t('vault.error_generic')}</p>;
    const Screen = ready.value ? loaded : null;
    return Screen ? <Screen {...props} /> : <p aria-busy="true">{i18n.t('vault.working')}</p>;
  };
}

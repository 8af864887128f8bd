import { useSignal } from '@preact/signals';
import { useEffect, useMemo } from 'preact/hooks';
import { i18n } from '#i18n';
import { createBody, EMPTY_FORM, formOf, trapsOf, updateBody, type KeyForm } from '../lib/manage/form';
import { holds } from '../lib/manage/held';
import type { KeyMeta } from '../lib/vault/record';
import type { KeyRecord } from '../lib/venice/schemas/keys';
import type { FirstList, ManageApi } from './manage-api';
import { ManageCreated } from './ManageCreated';
import { ManageDetails } from './ManageDetails';
import { ManageError } from './ManageError';
import { ManageKeyForm } from './ManageKeyForm';
import { ManageKeyTable } from './ManageKeyTable';
import { ManageRevoke } from './ManageRevoke';
import { ManageUsageChart } from './ManageUsageChart';
import { useAction } from './use-action';

type RevokeTarget = Pick<KeyRecord, 'id' | 'description' | 'last6Chars' | 'apiKeyType'>;
type Panel =
  | { kind: 'none' }
  | { kind: 'details'; key: KeyRecord }
  | { kind: 'create'; initial: KeyForm; rotating?: KeyRecord }
  | { kind: 'edit'; key: KeyRecord }
  | { kind: 'revoke'; key: RevokeTarget }
  | { kind: 'created'; secret: string; saved: KeyMeta | null; thenRevoke?: KeyRecord }
  | { kind: 'lost'; orphans: KeyRecord[]; listed: boolean };

interface Props {
  api: ManageApi;
  admin: KeyMeta;
  /** The list the page's first question already brought for this ADMIN key: not asked again. */
  first?: FirstList;
  /** Called once `first` is taken into this table's state: the page forgets it, so a new table asks Venice. */
  onFirstUsed?: () => void;
  records: KeyMeta[];
  clipboardClearSeconds: number;
  now: () => number;
  /** The vault changed (a key saved, marked revoked): read its status again. */
  onVaultChanged: () => void;
}

/** The keys of the account, seen through one ADMIN key: list, details, create, edit, pause, rotate, revoke. */
export function ManageKeys({ api, admin, first, onFirstUsed, records, clipboardClearSeconds, now, onVaultChanged }: Props) {
  const keys = useSignal<KeyRecord[] | null>(first && 'keys' in first ? first.keys : null);
  const paused = useSignal<ReadonlySet<string>>(new Set(first && 'paused' in first ? first.paused : []));
  const panel = useSignal<Panel>({ kind: 'none' });
  const notice = useSignal('');
  // The vault was locked meanwhile (the popup's lock, the auto-lock): the page reads its status again and shows the unlock.
  const whenLocked = (e: unknown) => { if ((e as { code?: unknown } | null)?.code === 'VAULT_LOCKED') onVaultChanged(); };
  const action = useAction(whenLocked);
  const loading = useAction(whenLocked);
  const today = new Date(now()).toISOString().slice(0, 10);

  const load = () => loading.run(async () => {
    const answer = await api.list(admin.id);
    keys.value = answer.keys;
    paused.value = new Set(answer.paused);
  });
  // Another ADMIN key chosen: the parent mounts a new instance (keyed by the admin's id).
  useEffect(() => {
    if (!first) void load();
    else if ('error' in first) loading.error.value = first.error;
    if (first) onFirstUsed?.();
  }, []);

  const held = useMemo(
    () => new Set((keys.value ?? []).filter((k) => records.some((r) => holds(r, k, admin.apiBaseUrl))).map((k) => k.id)),
    [keys.value, records, admin.apiBaseUrl],
  );
  // The clock of the last listing: filters such as "expiring" measure from it, and 500 rows are not filtered again on each render.
  const listedAt = useMemo(now, [keys.value]);
  const isAdminInUse = (k: RevokeTarget) => (admin.veniceId ? admin.veniceId === k.id : admin.last6 === k.last6Chars && k.apiKeyType === 'ADMIN');
  const show = (next: Panel) => { notice.value = ''; panel.value = next; };
  const open = (k: KeyRecord) => action.run(async () => show({ kind: 'details', key: await api.get(admin.id, k.id) }));
  const afterChange = async (text: string) => {
    notice.value = text;
    onVaultChanged();
    const answer = await api.list(admin.id);
    keys.value = answer.keys;
    paused.value = new Set(answer.paused);
  };

  const create = (form: KeyForm, rotating?: KeyRecord) => action.run(async () => {
    const out = await api.create(admin.id, createBody(form));
    if (out.outcome === 'created') {
      show({ kind: 'created', secret: out.secret, saved: out.saved, thenRevoke: rotating });
      await afterChange('');
    } else if (out.outcome === 'rate-limited') notice.value = i18n.t('manage.create.rate_limited', [out.retryAfterSeconds]);
    else if (out.outcome === 'cap-reached') notice.value = i18n.t('manage.create.cap_reached');
    else {
      show({ kind: 'lost', orphans: out.orphans, listed: out.listed });
      await afterChange('');
    }
  });
  const edit = (key: KeyRecord, form: KeyForm) => action.run(async () => {
    await api.update(admin.id, updateBody(key.id, formOf(key), form));
    show({ kind: 'details', key: await api.get(admin.id, key.id) });
    await afterChange(i18n.t('manage.edit.saved'));
  });
  const pauseOrResume = (key: KeyRecord, resume: boolean) => action.run(async () => {
    await (resume ? api.resume(admin.id, key.id) : api.pause(admin.id, key.id));
    show({ kind: 'details', key: await api.get(admin.id, key.id) });
    await afterChange(resume ? i18n.t('manage.pause.resumed') : i18n.t('manage.pause.paused'));
  });
  const revoke = (key: RevokeTarget) => action.run(async () => {
    const { marked } = await api.revoke(admin.id, key);
    show({ kind: 'none' });
    await afterChange(marked > 0 ? i18n.t('manage.revoke.done_marked', [key.last6Chars]) : i18n.t('manage.revoke.done', [key.last6Chars]));
  });

  const p = panel.value;
  const busy = action.busy.value;
  let body = null;
  if (p.kind === 'details') {
    const k = p.key;
    body = (
      <ManageDetails detail={k} held={held.has(k.id)} paused={paused.value.has(k.id)} busy={busy}
        onEdit={() => show({ kind: 'edit', key: k })} onPause={() => pauseOrResume(k, false)} onResume={() => pauseOrResume(k, true)}
        onRotate={() => show({ kind: 'create', initial: formOf(k), rotating: k })} onRevoke={() => show({ kind: 'revoke', key: k })}
        onClose={() => show({ kind: 'none' })} />
    );
  } else if (p.kind === 'create') {
    body = (
      <>
        {p.rotating && <p class="hint" data-testid="rotate-intro">{i18n.t('manage.rotate.intro', [p.rotating.description || '', p.rotating.last6Chars])}</p>}
        <ManageKeyForm key={p.rotating?.id ?? 'new'} mode="create" initial={p.initial} today={today} busy={busy}
          onSubmit={(form) => create(form, p.rotating)} onCancel={() => show({ kind: 'none' })} />
      </>
    );
  } else if (p.kind === 'edit') {
    const before = formOf(p.key);
    body = (
      <ManageKeyForm key={p.key.id} mode="edit" initial={before} today={today} busy={busy}
        trapsFor={(form) => trapsOf(before, updateBody(p.key.id, before, form))}
        onSubmit={(form) => edit(p.key, form)} onCancel={() => show({ kind: 'details', key: p.key })} />
    );
  } else if (p.kind === 'revoke') {
    body = <ManageRevoke target={p.key} isAdminInUse={isAdminInUse(p.key)} held={held.has(p.key.id)} busy={busy}
      onConfirm={() => revoke(p.key)} onCancel={() => show({ kind: 'none' })} />;
  } else if (p.kind === 'created') {
    body = (
      <>
        <ManageCreated secret={p.secret} saved={p.saved} copy={(text) => api.copy(text, clipboardClearSeconds)} clipboardClearSeconds={clipboardClearSeconds}
          onDone={() => show(p.thenRevoke ? { kind: 'revoke', key: p.thenRevoke } : { kind: 'none' })} />
        {p.thenRevoke && <p class="hint">{i18n.t('manage.rotate.then_revoke', [p.thenRevoke.last6Chars])}</p>}
      </>
    );
  } else if (p.kind === 'lost') {
    body = (
      <section class="stack panel warning-panel" role="alert" data-testid="create-lost">
        <h2>{i18n.t('manage.lost.title')}</h2>
        <p>{!p.listed ? i18n.t('manage.lost.unlisted') : p.orphans.length ? i18n.t('manage.lost.found') : i18n.t('manage.lost.none')}</p>
        <ul class="plain">
          {p.orphans.map((k) => (
            <li key={k.id} class="row">
              <span>{k.description} <code>…{k.last6Chars}</code> {k.createdAt?.slice(0, 19).replace('T', ' ')}</span>
              <button type="button" class="danger-text" onClick={() => show({ kind: 'revoke', key: k })}>{i18n.t('manage.details.revoke')}</button>
            </li>
          ))}
        </ul>
        <button type="button" onClick={() => show({ kind: 'none' })}>{i18n.t('manage.details.close')}</button>
      </section>
    );
  }

  return (
    <div class="stack">
      <div class="row wrap">
        <button type="button" class="primary" onClick={() => show({ kind: 'create', initial: EMPTY_FORM })} disabled={busy}>{i18n.t('manage.create.open')}</button>
        <button type="button" onClick={() => void load()} disabled={loading.busy.value}>{i18n.t('manage.refresh')}</button>
        {(busy || loading.busy.value) && <span class="hint" role="status">{i18n.t('vault.working')}</span>}
      </div>
      {notice.value && <p class="note" role="status" data-testid="manage-notice">{notice.value}</p>}
      <ManageError error={action.error.value ?? loading.error.value} admin={admin} />
      {body}
      {keys.value === null
        ? <p class="hint">{loading.error.value ? '' : i18n.t('manage.loading_keys')}</p>
        : (
          <>
            <ManageKeyTable keys={keys.value} held={held} paused={paused.value} now={listedAt} onOpen={open} />
            <ManageUsageChart keys={keys.value} />
          </>
        )}
    </div>
  );
}

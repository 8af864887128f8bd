/**
 * The Manage keys page's first question, asked before its first render: the vault's status, then
 * at once the list through the first usable ADMIN key (no render, no effect in between). Nothing
 * is asked of Venice for a locked or INFERENCE-only vault; the list's error is kept as data, shown
 * by the table with the key's name.
 */
import type { KeyMeta } from '../vault/record';
import { usableAdmins } from './held';

type Status = { state: 'unlocked'; records: KeyMeta[] } | { state: string };
export type FirstList<L> = { adminId: string } & (L | { error: unknown });

export async function openPage<S extends Status, L extends object>(ask: {
  status: () => Promise<S>;
  list: (adminId: string) => Promise<L>;
}): Promise<{ status: S; list: FirstList<L> | null }> {
  const status = await ask.status();
  const admin = 'records' in status && status.state === 'unlocked' ? usableAdmins(status.records)[0] : undefined;
  if (!admin) return { status, list: null };
  try {
    return { status, list: { adminId: admin.id, ...(await ask.list(admin.id)) } };
  } catch (error) {
    return { status, list: { adminId: admin.id, error } };
  }
}

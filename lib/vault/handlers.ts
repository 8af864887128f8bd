/** The background side of the vault contracts: each one a thin call into the vault service. */
import type { Handlers } from '../messaging/handle';
import type { WireError } from '../messaging/protocol';
import type { VaultContracts } from '../messaging/vault';
import { toAppError } from '../errors';
import type { Vault } from './vault';

const OK = { ok: true } as const;

export function vaultHandlers(vault: Vault): Handlers<VaultContracts> {
  return {
    'vault.status': () => vault.status(),
    'vault.setup': async ({ passphrase, confirm }) => { await vault.setup(passphrase, confirm); return OK; },
    'vault.unlock': ({ passphrase }) => vault.unlock(passphrase),
    'vault.lock': async () => { await vault.lock(); return OK; },
    'vault.reveal': async ({ id }) => ({ secret: await vault.reveal(id) }),
    'vault.import': (input) => vault.importKey(input),
    'vault.remove': ({ id }) => vault.remove(id),
    'vault.changePassphrase': async ({ current, next, confirm }) => { await vault.changePassphrase(current, next, confirm); return OK; },
    'vault.reset': async ({ confirmation }) => { await vault.reset(confirmation); return OK; },
  };
}

/**
 * Wire form of a thrown error: the table sentence with its (already redacted,
 * secret-free) detail appended, since the wire error has no detail field.
 * Anything that is not an AppError becomes UNKNOWN, so no stray text leaks.
 */
export function vaultWireError(error: unknown): WireError {
  const app = toAppError(error);
  const message = app.detail ? `${app.message} ${app.detail}` : app.message;
  return { code: app.code, message: message.slice(0, 500), action: app.action };
}

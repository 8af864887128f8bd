/**
 * Errors only the mint flow knows: an interrupted step, a wallet that never
 * answers, a mint whose outcome is unknown. They reuse codes of the error table
 * with a sentence that says what happened to the key and what to do next.
 */
import { appError, toAppError, type AppError } from '../errors';


export function walletTimeout(minutes: number): AppError {
  return {
    code: 'TIMEOUT',
    message: `Your wallet did not answer within ${minutes} minutes. No key was created. Try again.`,
    action: 'retry',
  };
}

export const connectInterrupted = (): AppError => ({
  code: 'ABORTED',
  message: 'The extension restarted while connecting your wallet. Nothing was sent. Try again.',
  action: 'retry',
});

export const signInterrupted = (): AppError => ({
  code: 'ABORTED',
  message: 'The extension restarted while waiting for your wallet. No key was created. Try again.',
  action: 'retry',
});

/** A restart while the mint request was out: it may have created a key, so nothing is re-sent. */
export const mintInterrupted = (): AppError => ({
  code: 'ABORTED',
  message:
    'The extension restarted while Venice was creating your key, so a key may have been created. Check your keys on venice.ai before you try again.',
  action: 'check_key',
});

/**
 * The secret of a key the vault could not store is gone: the extension restarted before it
 * was copied, or the vault was locked after it was shown. The key still exists at Venice.
 */
export function unstoredKeyLost(last6: string, why: 'restart' | 'lock' = 'restart'): AppError {
  return {
    code: 'VAULT_STORAGE_FAILED',
    message:
      why === 'restart'
        ? 'A key was created but could not be saved, and the extension restarted before you copied it. Revoke it on venice.ai and create a new one.'
        : 'A key was created but could not be saved, and the vault was locked, so the extension no longer keeps it. If you did not copy it, revoke it on venice.ai and create a new one.',
    action: 'check_key',
    detail: `Key ending in ${last6}`,
  };
}

/** Codes after which the mint request may have reached Venice and created a key. */
const OUTCOME_UNKNOWN = new Set(['TIMEOUT', 'NETWORK_ERROR', 'ABORTED', 'MALFORMED_RESPONSE', 'UNKNOWN']);

/**
 * The error a failed mint request ends in. When the answer never came back (or could
 * not be read), the key may exist: the person is told to check before trying again.
 */
export function mintFailure(thrown: unknown): AppError {
  const error = toAppError(thrown);
  if (!OUTCOME_UNKNOWN.has(error.code)) return error;
  return {
    code: error.code,
    message: 'The answer from Venice did not arrive, so a key may have been created. Check your keys on venice.ai before you try again.',
    action: 'check_key',
  };
}

/** The wallet account that signed is not the connected one any more. */
export const accountChanged = (): AppError => appError('WALLET_ACCOUNT_CHANGED');
export const walletLocked = (): AppError => appError('WALLET_LOCKED');
/** The wallet remembered is not in the signing tab and several others are: the person picks one. */
export const walletChoiceNeeded = (): AppError => appError('WALLET_CHOICE_NEEDED');
export const walletLookAlike = (): AppError => appError('WALLET_LOOK_ALIKE');

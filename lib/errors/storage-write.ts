/**
 * What a refused storage write means for a person. The browsers say "the storage is full"
 * in their own words: Chrome "QUOTA_BYTES quota exceeded" (newer builds
 * "Resource::kQuotaBytes quota exceeded"), Firefox a QuotaExceededError ("The current
 * transaction exceeded its quota limitations."). Any other refusal is VAULT_STORAGE_FAILED.
 */
import { appError, type AppError } from './app-error';

const QUOTA = /quota/i;

/** True when `error` is a browser's "storage full" refusal (by its name or its message). */
function isQuotaError(error: unknown): boolean {
  if (error === null || typeof error !== 'object') return typeof error === 'string' && QUOTA.test(error);
  const { name, message } = error as { name?: unknown; message?: unknown };
  return (typeof name === 'string' && QUOTA.test(name)) || (typeof message === 'string' && QUOTA.test(message));
}

/** The table's error for a storage write that failed with `error`. */
export function storageWriteError(error: unknown): AppError {
  return appError(isQuotaError(error) ? 'STORAGE_FULL' : 'VAULT_STORAGE_FAILED');
}

import { AppException, type AppError } from '../errors';
import type { Timers } from './deps';

export const globalTimers: Timers = {
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof globalThis.setTimeout>),
};

/** Settles like `promise`, or rejects with `error()` after `ms`: no wait of the flow is endless. */
export function withTimeout<T>(promise: Promise<T>, ms: number, error: () => AppError, timers: Timers = globalTimers): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const handle = timers.setTimeout(() => reject(new AppException(error())), ms);
    promise.then(
      (value) => {
        timers.clearTimeout(handle);
        resolve(value);
      },
      (reason: unknown) => {
        timers.clearTimeout(handle);
        reject(reason);
      },
    );
  });
}

/**
 * The one rejection the background cannot catch where it starts: WXT's storage starts a
 * first read of each declared item (`defineItem`, in @wxt-dev/storage) and does not wait
 * for it, so when the browser closes during the worker's start that read rejects with
 * "The browser is shutting down." and nobody handles it. Only that error is silenced; any
 * other unhandled rejection still shows. Every promise of ours started at the worker's
 * start has its own catch.
 */
const SHUTDOWN = /browser is shutting down/i;

interface RejectionEvent {
  reason: unknown;
  preventDefault(): void;
}

/** True for the browser's shutdown error (Chrome's text; Firefox's differs and is left alone). */
export function isShutdownError(reason: unknown): boolean {
  const message = reason instanceof Error ? reason.message : typeof reason === 'string' ? reason : '';
  return SHUTDOWN.test(message);
}

/** Adds the listener; call first thing at the worker's start. */
export function ignoreShutdownRejections(scope: { addEventListener(type: 'unhandledrejection', listener: (event: RejectionEvent) => void): void }): void {
  scope.addEventListener('unhandledrejection', (event) => {
    if (isShutdownError(event.reason)) event.preventDefault();
  });
}

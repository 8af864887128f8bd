// Uncaught errors of pages the harness opened.
// Chromium (and Firefox web pages) report them through the driver's 'pageerror'
// event from before the first load. Firefox sends no BiDi log events for
// moz-extension:// documents, so there the harness installs an in-page
// collector right after load: errors thrown while the page loads are missed.
interface Evaluates {
  evaluate<T>(fn: () => T): Promise<T>;
}

const reported = new WeakMap<object, string[]>();
const collected = new WeakSet<object>();

/**
 * Starts recording the page's uncaught errors from driver events (call before navigating).
 * `subscribe` attaches the listener the driver's way, e.g. `(cb) => page.on('pageerror', cb)`.
 */
export function recordPageErrors(page: object, subscribe: (listener: (error: unknown) => void) => void): void {
  if (reported.has(page)) return;
  const errors: string[] = [];
  reported.set(page, errors);
  subscribe((error) => errors.push(error instanceof Error ? error.message : String(error)));
}

/** Records uncaught errors and unhandled rejections from inside the page (after it loaded). */
export async function collectPageErrorsInPage(page: Evaluates): Promise<void> {
  await page.evaluate(() => {
    const g = globalThis as unknown as Record<string, string[]> & Window;
    if (g.__harnessPageErrors) return;
    const errors: string[] = (g.__harnessPageErrors = []);
    g.addEventListener('error', (e) => errors.push(e.error instanceof Error ? e.error.message : String(e.message)));
    g.addEventListener('unhandledrejection', (e) =>
      errors.push(e.reason instanceof Error ? e.reason.message : String(e.reason)),
    );
  });
  collected.add(page);
}

/** The uncaught errors seen so far in a page opened by the harness. */
export async function pageErrorsOf(page: object): Promise<string[]> {
  const fromEvents = reported.get(page);
  if (!fromEvents && !collected.has(page)) {
    throw new Error('this page was not opened by the harness, so its errors were not recorded');
  }
  const fromPage = collected.has(page)
    ? await (page as Evaluates).evaluate(() => [...((globalThis as unknown as Record<string, string[]>)['__harnessPageErrors'] ?? [])])
    : [];
  return [...(fromEvents ?? []), ...fromPage];
}

// Driving Firefox pages (Puppeteer over WebDriver BiDi) as a person would: find a button by
// its words or a field by its label, bring the tab to the front, click and type with real input
// events. Finding polls by hand instead of using waitForFunction: while Firefox moves a document
// between processes an evaluate can fail once with a BiDi "unknown error" (harness README).
import type { ElementHandle, Page } from 'puppeteer-core';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `find` in the page until it returns an element; `what` names it in the timeout error. */
async function waitForElement<E extends Element>(
  page: Page,
  what: string,
  find: (arg: string[]) => E | null | undefined,
  arg: string[],
  timeoutMs: number,
): Promise<ElementHandle<E>> {
  const deadline = Date.now() + timeoutMs;
  let last = 'not found';
  for (;;) {
    try {
      const handle = await page.evaluateHandle(find, arg);
      const element = handle.asElement() as ElementHandle<E> | null;
      if (element) return element;
      await handle.dispose();
    } catch (error) {
      last = String(error);
    }
    if (Date.now() > deadline) throw new Error(`${what} did not appear within ${timeoutMs} ms (${last})`);
    await pause(100);
  }
}

/** The first element matching `selector` that is visible, waited for. */
export function waitForVisible(page: Page, selector: string, timeoutMs = 30_000): Promise<ElementHandle<Element>> {
  return waitForElement(
    page,
    selector,
    ([s]) => [...document.querySelectorAll(s!)].find((e) => (e as HTMLElement).offsetParent !== null || e.getClientRects().length > 0),
    [selector],
    timeoutMs,
  );
}

/** The visible, enabled button inside `scope` whose text (trimmed) is `name`. */
export function findButton(page: Page, name: string, scope = 'body', timeoutMs = 30_000): Promise<ElementHandle<HTMLButtonElement>> {
  return waitForElement(
    page,
    `the enabled button "${name}" in ${scope}`,
    ([s, n]) =>
      [...document.querySelectorAll<HTMLButtonElement>(`${s} button`)].find(
        (b) => b.textContent?.trim() === n && !b.disabled && b.getClientRects().length > 0,
      ),
    [scope, name],
    timeoutMs,
  );
}

/** What Puppeteer throws when the element found was replaced before the click reached it. */
const REPLACED = /not clickable or not an Element|detached|no such node|stale/i;

/**
 * Brings the page's tab to the front and clicks the button named `name`. A panel that re-renders
 * between the find and the click (the home screen remounts the mint panel when a key appears)
 * leaves the handle pointing at a removed node; Puppeteer then throws before clicking anything,
 * so the button is found again (at most 5 times). On a slow machine that window is wide.
 */
export async function press(page: Page, name: string, scope = 'body'): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    const button = await findButton(page, name, scope);
    try {
      await page.bringToFront();
      await button.click();
      return;
    } catch (error) {
      if (attempt >= 5 || !REPLACED.test(String(error))) throw error;
      await pause(200);
    } finally {
      await button.dispose().catch(() => undefined);
    }
  }
}

/** Types `text` into the input whose <label> reads `label`, as key presses. */
export async function typeInto(page: Page, label: string, text: string): Promise<void> {
  const input = await waitForElement(
    page,
    `the field labelled "${label}"`,
    ([l]) => {
      const found = [...document.querySelectorAll('label')].find((e) => e.textContent?.trim() === l);
      return found?.htmlFor ? (document.getElementById(found.htmlFor) as HTMLInputElement | null) : null;
    },
    [label],
    30_000,
  );
  await page.bringToFront();
  await input.click();
  // Select what is there, so typing replaces it.
  await page.keyboard.down('Control');
  await page.keyboard.press('a');
  await page.keyboard.up('Control');
  await input.type(text);
  const typed = await input.evaluate((e) => e.value);
  await input.dispose();
  if (typed !== text) throw new Error(`the field labelled "${label}" holds ${typed.length} characters after typing ${text.length}`);
}

/** An attribute of the first element matching `selector` (null when absent); for expect.poll. */
export function attributeOf(page: Page, selector: string, name: string): Promise<string | null> {
  return page.evaluate((s, n) => document.querySelector(s)?.getAttribute(n) ?? null, selector, name);
}

/** What a person reads in the first element matching `selector` ('' when absent); for expect.poll. */
export function textOf(page: Page, selector: string): Promise<string> {
  return page.evaluate((s) => (document.querySelector(s) as HTMLElement | null)?.innerText ?? '', selector);
}

/** Whether a visible button inside `scope` reads `name` and is disabled. */
export function buttonDisabled(page: Page, name: string, scope = 'body'): Promise<boolean | null> {
  return page.evaluate(
    (s, n) => {
      const button = [...document.querySelectorAll<HTMLButtonElement>(`${s} button`)].find((b) => b.textContent?.trim() === n);
      return button ? button.disabled : null;
    },
    scope,
    name,
  );
}

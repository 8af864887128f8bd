// Reading and writing the system clipboard from an extension page the test opens (manifest.json,
// which runs none of our code), with the extension's own clipboardRead / clipboardWrite: the same
// execCommand route the background uses, so no focus or gesture is needed. Each function is
// passed to page.evaluate (Playwright or Puppeteer), so it must stand alone.

/** The clipboard's text; null when the browser refused the paste. */
export function readClipboardInPage(): string | null {
  const area = document.createElement('textarea');
  document.body.append(area);
  area.focus();
  const pasted = document.execCommand('paste');
  const text = area.value;
  area.remove();
  return pasted ? text : null;
}

/** Puts `text` on the clipboard, as copying it anywhere else would. */
export function writeClipboardInPage(text: string): boolean {
  const onCopy = (event: ClipboardEvent) => {
    event.clipboardData?.setData('text/plain', text);
    event.preventDefault();
  };
  document.addEventListener('copy', onCopy);
  const copied = document.execCommand('copy');
  document.removeEventListener('copy', onCopy);
  return copied;
}

/**
 * The system clipboard seen from an extension document that has no focus and no user
 * gesture: Chrome's offscreen document, Firefox's background page. `navigator.clipboard`
 * needs a focused document there, so both go through `execCommand`: "paste" into a
 * detached-from-view textarea (needs clipboardRead), and "copy" whose copy event sets
 * the text (needs clipboardWrite; an empty selection would copy nothing).
 */
import type { ClipboardPort } from './clear';

export function documentClipboard(doc: Document): ClipboardPort {
  return {
    read: () => {
      const area = doc.createElement('textarea');
      doc.body.append(area);
      try {
        area.focus();
        return Promise.resolve(doc.execCommand('paste') ? area.value : null);
      } finally {
        area.remove();
      }
    },
    write: (text) => {
      const onCopy = (event: ClipboardEvent) => {
        event.clipboardData?.setData('text/plain', text);
        event.preventDefault();
      };
      doc.addEventListener('copy', onCopy);
      try {
        return Promise.resolve(doc.execCommand('copy'));
      } finally {
        doc.removeEventListener('copy', onCopy);
      }
    },
  };
}

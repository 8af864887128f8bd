/**
 * Who may open the direct host's port: the background alone. Our own content script in a
 * venice.ai tab shares the extension's id, so the id alone would let it ask MetaMask for a
 * signature or take one the host kept; it runs in a tab, on the page's address. The background
 * (Chrome's service worker, Firefox's event page) has no tab and an address of this extension.
 */
export interface PortSender {
  id?: string;
  url?: string;
  tab?: unknown;
}

export function isBackgroundSender(sender: PortSender | undefined, extensionId: string, extensionOrigin: string): boolean {
  if (!sender || sender.id !== extensionId || sender.tab !== undefined) return false;
  return typeof sender.url === 'string' && sender.url.startsWith(extensionOrigin);
}

// What the sandbox handed out that must stay secret (every API key secret it minted or created,
// every web3 token it issued) and the raw request targets it received, query strings included.
// In process only (`sandbox.issued`): never served by a control route, never persisted. The chaos
// run (test/chaos) searches the browser's logs, storage, pages and URLs for these values.
const MAX_ENTRIES = 5000;

export class Issued {
  private keySecrets: string[] = [];
  private tokenList: string[] = [];
  private targetList: string[] = [];

  private static push(list: string[], value: string): void {
    list.push(value);
    if (list.length > MAX_ENTRIES) list.splice(0, list.length - MAX_ENTRIES);
  }

  key(secret: string): void {
    Issued.push(this.keySecrets, secret);
  }

  token(token: string): void {
    Issued.push(this.tokenList, token);
  }

  /** A request's target as received (path and query string). */
  target(url: string): void {
    Issued.push(this.targetList, url);
  }

  keys(): string[] {
    return [...this.keySecrets];
  }

  tokens(): string[] {
    return [...this.tokenList];
  }

  targets(): string[] {
    return [...this.targetList];
  }

  clear(): void {
    this.keySecrets = [];
    this.tokenList = [];
    this.targetList = [];
  }
}

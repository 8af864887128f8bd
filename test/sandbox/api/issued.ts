// What the sandbox handed out that must stay secret (every API key secret it minted or created,
// every web3 token it issued), the raw request targets it received, query strings included, and
// each mint's signature and connection (to tell a browser's own re-send from a second request).
// In process only (`sandbox.issued`): never served by a control route, never persisted. The chaos
// run (test/chaos) searches the browser's logs, storage, pages and URLs for these values.
const MAX_ENTRIES = 5000;

/** One mint the sandbox made: the signature it was asked with, the key, and the connection it came on. */
export interface IssuedMint {
  signature: string;
  keyId: string;
  connection?: { id: number; request: number };
}

export class Issued {
  private keySecrets: string[] = [];
  private tokenList: string[] = [];
  private targetList: string[] = [];
  private mintList: IssuedMint[] = [];

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

  mint(entry: IssuedMint): void {
    this.mintList.push({ ...entry });
    if (this.mintList.length > MAX_ENTRIES) this.mintList.splice(0, this.mintList.length - MAX_ENTRIES);
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

  mints(): IssuedMint[] {
    return this.mintList.map((entry) => ({ ...entry }));
  }

  clear(): void {
    this.keySecrets = [];
    this.tokenList = [];
    this.targetList = [];
    this.mintList = [];
  }
}

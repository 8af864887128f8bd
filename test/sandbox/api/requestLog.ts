// The request log served at GET /__sandbox/requests: method, path, status, time. Never bodies,
// headers, query strings or anything else that could hold a secret.
export interface LoggedRequest {
  method: string;
  path: string;
  status: number;
  time: string;
  durationMs: number;
  /** Set when an injected fault shaped the answer. */
  fault?: string;
}

const MAX_ENTRIES = 2000;

export class RequestLog {
  private entries: LoggedRequest[] = [];

  add(entry: LoggedRequest): void {
    this.entries.push(entry);
    if (this.entries.length > MAX_ENTRIES) this.entries.splice(0, this.entries.length - MAX_ENTRIES);
  }

  list(): LoggedRequest[] {
    return this.entries.map((entry) => ({ ...entry }));
  }

  clear(): void {
    this.entries = [];
  }
}

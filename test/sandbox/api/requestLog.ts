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
  /** Which TCP connection carried it (numbered in order of arrival) and the how-manieth request on it
   * (1 = a fresh connection; more = a kept-alive one, the kind a browser re-sends on when it closes). */
  connection?: { id: number; request: number };
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

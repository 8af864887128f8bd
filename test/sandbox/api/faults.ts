// Injected failures for tests, the demo and benchmarks (POST /__sandbox/faults).
import { z } from 'zod';

const target = { method: z.string().toUpperCase().optional(), path: z.string().startsWith('/').optional() };
const count = z.number().int().min(1).default(1);

export const faultSpec = z.discriminatedUnion('kind', [
  /** Delay matching responses by `ms` until the faults are cleared. */
  z.strictObject({ kind: z.literal('latency'), ms: z.number().int().min(0).max(120_000), ...target }),
  /** Answer the next `count` matching requests with `status` (handler not run, no side effects). */
  z.strictObject({ kind: z.literal('status'), status: z.number().int().min(400).max(599), error: z.string().optional(), count, ...target }),
  /** Run the handler, then send a body that is not JSON (the side effects happened). */
  z.strictObject({ kind: z.literal('malformed'), count, ...target }),
  /** Run the handler, then send half the body and close the socket (Content-Length says more). */
  z.strictObject({ kind: z.literal('truncated'), count, ...target }),
  /** Destroy the socket: before the handler runs (default) or after it ran, without answering. */
  z.strictObject({ kind: z.literal('drop'), when: z.enum(['before', 'after']).default('before'), count, ...target }),
  /** Make the next `count` JSON-RPC calls of the API's chain client fail (mint -> "Could not verify wallet signature"). */
  z.strictObject({ kind: z.literal('rpc'), count }),
]);

export type FaultSpec = z.infer<typeof faultSpec>;
export type Fault = FaultSpec & { id: number };
export type FaultKind = FaultSpec['kind'];

function globToRegExp(pattern: string): RegExp {
  const escaped = pattern
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\\\{[^}]*\\\}/g, '[^/]+'))
    .join('.*');
  return new RegExp(`^${escaped}$`);
}

/** A fault path may be the full path (/api/v1/api_keys) or relative to /api/v1 (/api_keys); `*` and `{param}` match. */
export function pathMatches(pattern: string | undefined, path: string): boolean {
  if (pattern === undefined) return true;
  const regex = globToRegExp(pattern);
  return regex.test(path) || (path.startsWith('/api/v1/') && regex.test(path.slice('/api/v1'.length)));
}

export class Faults {
  private faults: Fault[] = [];
  private nextId = 1;

  add(spec: FaultSpec): Fault {
    const fault = { ...spec, id: this.nextId++ } as Fault;
    this.faults.push(fault);
    return fault;
  }

  list(): Fault[] {
    return this.faults.map((fault) => ({ ...fault }));
  }

  clear(): void {
    this.faults = [];
  }

  private matches(fault: Fault, method: string, path: string): boolean {
    if (fault.kind === 'rpc') return false;
    return (fault.method === undefined || fault.method === method) && pathMatches(fault.path, path);
  }

  /** Total latency of the matching latency faults. */
  latency(method: string, path: string): number {
    return this.faults.reduce((total, fault) => (fault.kind === 'latency' && this.matches(fault, method, path) ? total + fault.ms : total), 0);
  }

  /** Consumes one use of the first matching counted fault of `kind`. */
  take<K extends Exclude<FaultKind, 'latency' | 'rpc'>>(
    kind: K,
    method: string,
    path: string,
    accept: (fault: Extract<Fault, { kind: K }>) => boolean = () => true,
  ): Extract<Fault, { kind: K }> | undefined {
    const fault = this.faults.find(
      (item): item is Extract<Fault, { kind: K }> => item.kind === kind && this.matches(item, method, path) && accept(item as Extract<Fault, { kind: K }>),
    );
    if (fault) this.consume(fault);
    return fault;
  }

  takeRpcFailure(): boolean {
    const fault = this.faults.find((item) => item.kind === 'rpc');
    if (fault) this.consume(fault);
    return fault !== undefined;
  }

  private consume(fault: Fault): void {
    if (!('count' in fault)) return;
    fault.count -= 1;
    if (fault.count <= 0) this.faults = this.faults.filter((item) => item !== fault);
  }
}

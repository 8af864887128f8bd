/**
 * The Node globals MetaMask's stream packages (readable-stream 3) use without importing them:
 * `process.nextTick`, `Buffer`, `global`. Imported before them (./direct-host.ts), so only
 * the offscreen document has them; the service worker loads none of these packages.
 */
import { Buffer } from 'buffer';
import process from 'process';

const scope = globalThis as unknown as { process?: unknown; Buffer?: unknown; global?: unknown };
scope.process ??= process;
scope.Buffer ??= Buffer;
scope.global ??= globalThis;

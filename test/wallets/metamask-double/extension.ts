// The MetaMask test double's background (a service worker in Chrome, an event page in
// Firefox): every port another extension opens is served as MetaMask serves it (./serve.ts).
// The e2e drives it from its worker: `globalThis.metamaskDouble.state.mode = 'reject'`.
import type { Hex } from 'viem';
import { createDouble, type DoublePort } from './serve';

declare const DOUBLE_KEYS: { first: Hex; second: Hex };

interface ExternalRuntime {
  runtime: { onConnectExternal: { addListener(listener: (port: DoublePort) => void): void } };
}

const api = ((globalThis as { browser?: ExternalRuntime }).browser ?? (globalThis as unknown as { chrome: ExternalRuntime }).chrome).runtime;
const double = createDouble(DOUBLE_KEYS);
(globalThis as { metamaskDouble?: unknown }).metamaskDouble = double;
api.onConnectExternal.addListener((port) => double.serve(port));

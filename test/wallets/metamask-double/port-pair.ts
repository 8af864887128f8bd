// Two connected in-memory runtime.Port ends, for testing both sides of the external-port
// protocol in Node: messages are structured-cloned and delivered on a later task, as a
// browser does; disconnect on one end fires onDisconnect on the other only.
import type { DoublePort } from './serve';

type Listener<T extends unknown[]> = (...args: T) => void;

function events<T extends unknown[]>() {
  const listeners = new Set<Listener<T>>();
  return {
    addListener: (listener: Listener<T>) => void listeners.add(listener),
    removeListener: (listener: Listener<T>) => void listeners.delete(listener),
    fire: (...args: T) => [...listeners].forEach((listener) => listener(...args)),
  };
}

export function portPair(sender: DoublePort['sender'] = { id: 'ourextensionidaaaaaaaaaaaaaaaaaa' }): [DoublePort, DoublePort] {
  let open = true;
  const make = () => ({ onMessage: events<[unknown]>(), onDisconnect: events<[]>() });
  const a = make();
  const b = make();
  const end = (self: typeof a, other: typeof a): DoublePort => ({
    name: '',
    sender,
    postMessage(message: unknown) {
      if (!open) throw new Error('Attempting to use a disconnected port object');
      const copy = structuredClone(message);
      setTimeout(() => open && other.onMessage.fire(copy), 0);
    },
    disconnect() {
      if (!open) return;
      open = false;
      setTimeout(() => other.onDisconnect.fire(), 0);
    },
    onMessage: self.onMessage,
    onDisconnect: self.onDisconnect,
  });
  return [end(a, b), end(b, a)];
}

// The runner's store over storage.session (lib/mint/state.ts mintStore): the runner is the item's
// only writer, so after the first read or write it answers from its own copy (issue 16: a Mint
// click applied three events, and each read the stored state again).
import { describe, expect, it } from 'vitest';
import { IDLE, mintStore, type MintState } from '../../../lib/mint/state';

const READY = { status: 'ready', flowId: 'f', updatedAt: 1, ctx: { wallets: [] } } as MintState;
const MINTING = { status: 'minting', attempt: 1, flowId: 'f', updatedAt: 2, ctx: { wallets: [] } } as MintState;

function item(stored: unknown) {
  const calls = { get: 0, set: 0 };
  let value = stored;
  let gate: Promise<void> = Promise.resolve();
  return {
    calls,
    hold: () => {
      let open!: () => void;
      gate = new Promise((resolve) => (open = resolve));
      return open;
    },
    getValue: async () => {
      calls.get += 1;
      const seen = value;
      await gate;
      return seen;
    },
    setValue: async (next: MintState) => {
      calls.set += 1;
      value = next;
    },
  };
}

describe('mintStore', () => {
  it('reads storage once, then answers from what it read or wrote', async () => {
    const stored = item(READY);
    const store = mintStore(stored);
    expect(await store.get()).toEqual(READY);
    expect(await store.get()).toEqual(READY);
    await store.set(MINTING);
    expect(await store.get()).toEqual(MINTING);
    expect(stored.calls).toEqual({ get: 1, set: 1 });
  });

  it('checks what it reads: a stored value that does not fit is the idle state', async () => {
    expect(await mintStore(item({ status: 'minting' })).get()).toEqual(IDLE);
  });

  it('keeps a write made while its first read was under way (the newer value)', async () => {
    const stored = item(READY);
    const open = stored.hold();
    const store = mintStore(stored);
    const reading = store.get();
    await store.set(MINTING);
    open();
    expect(await reading).toEqual(MINTING);
    expect(await store.get()).toEqual(MINTING);
  });

  it('does not take a state whose write failed', async () => {
    const stored = item(READY);
    const store = mintStore({ ...stored, setValue: async () => { throw new Error('quota'); } });
    await expect(store.set(MINTING)).rejects.toThrow('quota');
    expect(await store.get()).toEqual(READY);
  });
});

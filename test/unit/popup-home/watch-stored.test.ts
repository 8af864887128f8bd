// The popup follows the flow's stored state through storage.onChanged directly
// (lib/storage/watch.ts); the background writes it through the storage library's item.
// The popup must see exactly what the item's own watch would report.
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { IDLE, parseMintState, type MintState } from '../../../lib/mint/state';
import { defineStoredItems } from '../../../lib/storage/items';
import { STORED } from '../../../lib/storage/keys';
import { sameValue, watchStored } from '../../../lib/storage/watch';

const mintStateItem = defineStoredItems().mintFlow;
const watchMintState = (listener: (state: MintState) => void) =>
  watchStored(fakeBrowser.storage.session, STORED.mintFlow.key, parseMintState, listener);

const ctx = { wallets: [] };
const connecting: MintState = { status: 'connecting', flowId: 'f1', updatedAt: 1, ctx };
const ready: MintState = { status: 'ready', flowId: 'f1', updatedAt: 2, ctx: { ...ctx, address: `0x${'a'.repeat(40)}` } };

describe('watchStored on the mint state (popup side)', () => {
  beforeEach(() => fakeBrowser.reset());

  it('reports each new state, checked, as the storage item watch does', async () => {
    const seen: MintState[] = [];
    const byItem: MintState[] = [];
    const stop = watchMintState((s) => seen.push(s));
    const stopItem = mintStateItem.watch((value) => byItem.push(parseMintState(value)));

    await mintStateItem.setValue(connecting);
    await mintStateItem.setValue({ ...connecting }); // same value: no call
    await mintStateItem.setValue(ready);
    await mintStateItem.setValue({ status: 'minting', secret: 'x' }); // does not fit: idle
    await mintStateItem.setValue(ready);
    await mintStateItem.removeValue(); // gone: idle
    await fakeBrowser.storage.session.set({ other: 1 }); // another key: nothing
    await fakeBrowser.storage.local.set({ mintFlow: connecting }); // another area: nothing

    expect(seen).toEqual([connecting, ready, IDLE, ready, IDLE]);
    expect(seen).toEqual(byItem);
    stop();
    stopItem();
    await mintStateItem.setValue(connecting);
    expect(seen).toHaveLength(5);
  });
});

describe('sameValue', () => {
  it.each([
    [{ a: 1, b: [1, { c: 2 }] }, { b: [1, { c: 2 }], a: 1 }, true],
    [{ a: 1 }, { a: 1, b: undefined }, false],
    [{ a: 1 }, { a: 2 }, false],
    [[1, 2], [1, 2], true],
    [[1, 2], [2, 1], false],
    [[], {}, false],
    [null, {}, false],
    [undefined, null, false],
    ['x', 'x', true],
  ])('%j vs %j: %s', (a, b, expected) => {
    expect(sameValue(a, b)).toBe(expected);
    expect(sameValue(b, a)).toBe(expected);
  });
});

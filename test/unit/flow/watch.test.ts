// The popup follows the flow's stored state through storage.onChanged directly
// (lib/flow/watch.ts); the background writes it through the storage library's item.
// The popup must see exactly what the item's own watch would report.
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { IDLE, parseFlowState, type FlowState } from '../../../lib/flow/state';
import { mintFlowItem } from '../../../lib/flow/storage';
import { sameValue, watchFlowState } from '../../../lib/flow/watch';

const ctx = { wallets: [] };
const connecting: FlowState = { status: 'connecting', flowId: 'f1', updatedAt: 1, ctx };
const ready: FlowState = { status: 'ready', flowId: 'f1', updatedAt: 2, ctx: { ...ctx, address: `0x${'a'.repeat(40)}` } };

describe('watchFlowState (popup side)', () => {
  beforeEach(() => fakeBrowser.reset());

  it('reports each new state, checked, as the storage item watch does', async () => {
    const seen: FlowState[] = [];
    const byItem: FlowState[] = [];
    const stop = watchFlowState((s) => seen.push(s));
    const stopItem = mintFlowItem.watch((value) => byItem.push(parseFlowState(value)));

    await mintFlowItem.setValue(connecting);
    await mintFlowItem.setValue({ ...connecting }); // same value: no call
    await mintFlowItem.setValue(ready);
    await mintFlowItem.setValue({ status: 'minting', secret: 'x' }); // does not fit: idle
    await mintFlowItem.setValue(ready);
    await mintFlowItem.removeValue(); // gone: idle
    await fakeBrowser.storage.session.set({ other: 1 }); // another key: nothing
    await fakeBrowser.storage.local.set({ mintFlow: connecting }); // another area: nothing

    expect(seen).toEqual([connecting, ready, IDLE, ready, IDLE]);
    expect(seen).toEqual(byItem);
    stop();
    stopItem();
    await mintFlowItem.setValue(connecting);
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

import { describe, expect, it } from 'vitest';
import { copyAndClearLater } from '../../../entrypoints/popup/clipboard';
import { digestOf } from '../../../lib/clipboard/digest';

const KEY = 'VENICE-INFERENCE-KEY-0123456789abcdef';

describe('the popup copy', () => {
  it('hands the background the digest and the delay before it writes the key (a popup closed mid-write still clears), never the key', async () => {
    const board = { text: '' };
    const sent: unknown[] = [];
    const onBoardWhenSent: string[] = [];
    const outcome = await copyAndClearLater(
      { writeText: async (text: string) => { board.text = text; } },
      KEY,
      30,
      async (digest, afterSeconds) => {
        sent.push({ digest, afterSeconds });
        onBoardWhenSent.push(board.text);
        return 'copied-will-clear';
      },
    );
    expect(outcome).toBe('copied-will-clear');
    expect(sent).toEqual([{ digest: await digestOf(KEY), afterSeconds: 30 }]);
    expect(onBoardWhenSent).toEqual(['']);
    expect(board.text).toBe(KEY);
    expect(JSON.stringify(sent)).not.toContain(KEY);
  });

  it('passes on what the background says (a delay of 0)', async () => {
    const clipboard = { writeText: async () => undefined };
    await expect(copyAndClearLater(clipboard, KEY, 0, async (_d, s) => (s === 0 ? 'copied-no-clear' : 'copied-will-clear'))).resolves.toBe('copied-no-clear');
  });
});

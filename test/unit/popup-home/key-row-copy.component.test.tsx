// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { KeyRow } from '../../../components/KeyRow';
import type { CopyOutcome } from '../../../components/vault-api';
import type { KeyMeta } from '../../../lib/vault/record';
import { useEnglish } from '../vault/english';
import { fakeApi } from '../vault/fake-api';

const meta: KeyMeta = {
  id: '0f8fad5b-d9cb-469f-a165-70867728950e', last6: '456789', type: 'INFERENCE', description: 'laptop', source: 'minted',
  apiBaseUrl: 'https://api.venice.ai/api/v1', createdAt: '2025-05-01T00:00:00.000Z', limits: {}, expiresAt: null,
};

async function copyWith(outcome: CopyOutcome) {
  const api = fakeApi({ reveal: vi.fn(async () => 'VENICE_INFERENCE_KEY_abcdef0123456789'), copy: vi.fn(async () => outcome) });
  render(<KeyRow api={api} meta={meta} clipboardClearSeconds={30} onRemoved={() => undefined} />);
  fireEvent.click(screen.getByRole('button', { name: 'Copy key' }));
  return (await screen.findByRole('status')).textContent;
}

describe('KeyRow copy notice', () => {
  beforeEach(() => { useEnglish(); });
  afterEach(cleanup);

  it.each([
    ['copied-will-clear', 'Copied. The clipboard is cleared in 30 s if it still holds the key, even if you close this popup.'],
    ['copied-no-clear', 'Copied. Clear your clipboard yourself when you are done.'],
  ] as const)('%s: %s', async (outcome, sentence) => {
    expect(await copyWith(outcome)).toBe(sentence);
  });
});

// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MintError } from '../../../components/MintError';
import { appError } from '../../../lib/errors';
import { useEnglish } from '../vault/english';

const noop = () => {};
const show = (error: ReturnType<typeof appError>) =>
  render(<MintError error={error} onRetry={noop} onCancel={noop} onUnlock={noop} />);

describe('MintError', () => {
  beforeEach(() => { useEnglish(); });
  afterEach(cleanup);

  it("puts the server's detail on its own quieter line, after the sentence", () => {
    show(appError('SERVER_ERROR', 'An unknown error occurred'));
    const sentence = screen.getByTestId('mint-error');
    const detail = screen.getByTestId('mint-error-detail');
    expect(sentence.textContent).toBe('Venice had a problem on its side. Try again in a little while.');
    expect(detail.textContent).toBe('Details: An unknown error occurred');
    expect(detail.classList.contains('hint')).toBe(true);
    expect(sentence.nextElementSibling).toBe(detail);
    // Both are read out together, as one alert.
    expect(screen.getByRole('alert').contains(sentence) && screen.getByRole('alert').contains(detail)).toBe(true);
  });

  it('shows the sentence alone when there is no detail', () => {
    show(appError('SERVER_ERROR'));
    expect(screen.getByRole('alert').textContent).toBe('Venice had a problem on its side. Try again in a little while.');
    expect(screen.queryByTestId('mint-error-detail')).toBeNull();
  });

  it('shows a detail only as lib/errors redacted it', () => {
    show(appError('SERVER_ERROR', 'bad key VENICE_INFERENCE_KEY_abcdefghijklmnopqrstuvwxyz0123456789'));
    const detail = screen.getByTestId('mint-error-detail').textContent!;
    expect(detail.startsWith('Details: ')).toBe(true);
    expect(detail).not.toContain('abcdefghijklmnopqrstuvwxyz0123456789');
  });
});

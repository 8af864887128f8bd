import { describe, expect, it, vi } from 'vitest';
import { ignoreShutdownRejections, isShutdownError } from '../../../entrypoints/background/shutdown';

describe('ignoreShutdownRejections', () => {
  it("silences only the browser's shutdown error", () => {
    let listener: ((event: { reason: unknown; preventDefault(): void }) => void) | undefined;
    ignoreShutdownRejections({ addEventListener: (_type, l) => void (listener = l) });
    const event = (reason: unknown) => ({ reason, preventDefault: vi.fn() });
    const shutdown = event(new Error('The browser is shutting down.'));
    const other = event(new Error('Something else'));
    listener!(shutdown);
    listener!(other);
    expect(shutdown.preventDefault).toHaveBeenCalledOnce();
    expect(other.preventDefault).not.toHaveBeenCalled();
    expect(isShutdownError('The browser is shutting down.')).toBe(true);
    expect(isShutdownError(undefined)).toBe(false);
  });
});

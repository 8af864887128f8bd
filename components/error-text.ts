/**
 * The sentence to show for a failed call: a wire error's message (the error table's
 * sentence, never raw exception text), else `fallback`.
 */
export function errorText(error: unknown, fallback: string): string {
  const e = error as { code?: unknown; message?: unknown } | null;
  if (e && typeof e.code === 'string' && typeof e.message === 'string' && e.message) return e.message;
  return fallback;
}

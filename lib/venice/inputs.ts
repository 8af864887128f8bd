/** Checks what a caller passes before anything is sent, so a bad input never costs a request. */
import type * as z from 'zod/mini';
import type { ErrorCode } from '../errors';
import { veniceError } from './venice-error';

/**
 * Parses `value`; on failure throws VeniceError `code` (or the code named for the
 * first failing top-level field) with a hint naming the fields, never their values.
 */
export function checkInput<T>(
  schema: z.ZodMiniType<T>,
  value: unknown,
  code: ErrorCode,
  fieldCodes: Partial<Record<string, ErrorCode>> = {},
): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues;
  const first = issues[0]?.path[0];
  const chosen = (typeof first === 'string' && fieldCodes[first]) || code;
  const hint = issues
    .slice(0, 3)
    .map((issue) => {
      const path = issue.path.join('.');
      const keys = issue.code === 'unrecognized_keys' ? ` ${issue.keys.join(', ')}` : '';
      return `${path || 'value'}: ${issue.code}${keys}`;
    })
    .join('; ');
  throw veniceError(chosen, `Check ${hint}.`);
}

/** A Bearer key must be present and be one header-safe token. */
export function requireKey(apiKey: string | undefined): string {
  if (apiKey === undefined || apiKey === '') throw veniceError('AUTHENTICATION_FAILED', 'No API key is set.');
  if (!/^[\x21-\x7e]{8,512}$/.test(apiKey)) throw veniceError('KEY_INVALID_FORMAT');
  return apiKey;
}

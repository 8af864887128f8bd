/** The body of a non-2xx answer: `{ error: "..." }`, or an OpenAI-style `{ error: { message } }`. */
import * as z from 'zod/mini';

export const ErrorBodySchema = z.object({
  error: z.union([z.string(), z.object({ message: z.string() })]),
});

/** The server's error text, or undefined when the body does not carry one. */
export function errorText(body: unknown): string | undefined {
  const parsed = ErrorBodySchema.safeParse(body);
  if (!parsed.success) return undefined;
  return typeof parsed.data.error === 'string' ? parsed.data.error : parsed.data.error.message;
}

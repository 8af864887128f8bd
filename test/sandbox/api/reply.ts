// What a handler returns; the server turns it into an HTTP response.
export interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** Non-JSON payloads (the static signing page). */
  raw?: { contentType: string; data: Buffer };
}

export function ok(body: unknown, headers?: Record<string, string>): Reply {
  return { status: 200, body, headers };
}

export function fail(status: number, error: string, extra?: Record<string, unknown>): Reply {
  return { status, body: { error, ...extra } };
}

export function isReply(value: unknown): value is Reply {
  return typeof value === 'object' && value !== null && 'status' in value && typeof value.status === 'number';
}

/** Standard messages of the error-codes page, used for forced statuses and generic failures. */
export const STANDARD_ERRORS: Record<number, string> = {
  400: 'Invalid request parameters',
  401: 'Authentication failed',
  402: 'Insufficient USD or Diem balance to complete request. Visit https://venice.ai/settings/api to add credits.',
  403: 'Unauthorized access',
  404: 'Specified route not found',
  413: 'The request payload is too large. Please reduce the size of your request.',
  415: 'Invalid request content-type',
  429: 'Rate limit exceeded',
  500: 'An unknown error occurred',
  503: 'The model is at capacity. Please try again later.',
  504: 'The request took too long to complete and was timed-out. For long-running inference requests, use the streaming API by setting `stream=true` in your request.',
};

export function standardError(status: number, message?: string): Reply {
  return fail(status, message ?? STANDARD_ERRORS[status] ?? `HTTP ${status}`);
}

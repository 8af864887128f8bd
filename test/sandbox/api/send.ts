// Writing a Reply to the socket, including the body-level faults (malformed, truncated, dropped).
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Reply } from './reply';

export type OutputFault = 'malformed' | 'truncated' | 'drop' | undefined;

export const CORS_HEADERS: Record<string, string> = {
  'access-control-allow-origin': '*',
  'access-control-allow-headers': 'authorization, content-type, sign-in-with-x, x-sign-in-with-x',
  'access-control-allow-methods': 'GET, POST, PATCH, DELETE, OPTIONS',
  'access-control-expose-headers':
    'x-ratelimit-limit-requests, x-ratelimit-remaining-requests, x-ratelimit-reset-requests, x-ratelimit-limit-tokens, x-ratelimit-remaining-tokens, x-ratelimit-reset-tokens, payment-required, retry-after, x-next-cursor, content-disposition',
};

export async function readBody(req: IncomingMessage, limitBytes: number): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limitBytes) return undefined;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export function send(req: IncomingMessage, res: ServerResponse, reply: Reply, fault?: OutputFault): void {
  if (fault === 'drop') {
    req.socket.destroy();
    return;
  }
  const contentType = reply.raw?.contentType ?? 'application/json; charset=utf-8';
  let data = reply.raw?.data ?? (reply.body === undefined ? Buffer.alloc(0) : Buffer.from(JSON.stringify(reply.body), 'utf8'));
  if (fault === 'malformed') data = Buffer.from('{"success":true,"data":{"sandbox":"malformed body",', 'utf8');
  const headers = { ...CORS_HEADERS, ...reply.headers, 'content-type': contentType, 'content-length': String(data.length) };
  res.writeHead(reply.status, headers);
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  if (fault === 'truncated') {
    // Content-Length announces the whole body; half of it arrives, then the connection closes.
    res.write(data.subarray(0, Math.max(1, Math.floor(data.length / 2))), () => res.destroy());
    return;
  }
  res.end(data);
}

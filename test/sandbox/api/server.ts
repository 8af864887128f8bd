// The HTTP server on 127.0.0.1 (node:http, no framework).
import { type Server, createServer } from 'node:http';
import type { Socket } from 'node:net';
import type { Deps } from './context';
import { createPipeline } from './pipeline';
import { apiRoutes } from './routes';
import type { SiwxVerifier } from './siwx';

export interface ApiServer {
  port: number;
  close(): Promise<void>;
}

export async function startApiServer(deps: Deps, siwx: SiwxVerifier, port: number): Promise<ApiServer> {
  const pipeline = createPipeline(deps, apiRoutes(siwx));
  const sockets = new Set<Socket>();
  const server: Server = createServer((req, res) => {
    pipeline(req, res).catch((error: unknown) => {
      if (!deps.quiet) console.error(`sandbox: request failed: ${(error as Error).message}`);
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: 'An unknown error occurred' }));
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  if (typeof address !== 'object' || !address) throw new Error('the sandbox API has no address');
  return {
    port: address.port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

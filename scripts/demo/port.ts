// Which port the sandbox takes: SANDBOX_PORT when set, else 8787 when it is free, else any free port.
import { createServer } from 'node:net';
import { DEFAULT_PORT } from './options';

/** True when nothing listens on 127.0.0.1:port right now. */
export function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

export interface PortChoice {
  port: number;
  /** Why this port, for the log. */
  note: string;
}

export async function choosePort(requested: number | undefined): Promise<PortChoice> {
  if (requested !== undefined) {
    if (!(await portIsFree(requested))) {
      throw new Error(`SANDBOX_PORT=${requested} is already in use on 127.0.0.1; choose another port or leave SANDBOX_PORT unset`);
    }
    return { port: requested, note: `SANDBOX_PORT=${requested}` };
  }
  if (await portIsFree(DEFAULT_PORT)) return { port: DEFAULT_PORT, note: `port ${DEFAULT_PORT}` };
  return { port: 0, note: `a free port (${DEFAULT_PORT} is busy)` };
}

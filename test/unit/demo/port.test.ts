import { createServer, type Server } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { choosePort, portIsFree } from '../../../scripts/demo/port';

let server: Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

async function listen(): Promise<number> {
  server = createServer();
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return (server.address() as { port: number }).port;
}

describe('demo port', () => {
  it('tells a taken port from a free one', async () => {
    const port = await listen();
    expect(await portIsFree(port)).toBe(false);
    await new Promise<void>((resolve) => server!.close(() => resolve()));
    server = undefined;
    expect(await portIsFree(port)).toBe(true);
  });

  it('keeps SANDBOX_PORT when it is free, and names it when it is taken', async () => {
    const port = await listen();
    await expect(choosePort(port)).rejects.toThrow(`SANDBOX_PORT=${port} is already in use`);
    await new Promise<void>((resolve) => server!.close(() => resolve()));
    server = undefined;
    expect(await choosePort(port)).toEqual({ port, note: `SANDBOX_PORT=${port}` });
  });

  it('without SANDBOX_PORT takes 8787 when free, else lets the system choose', async () => {
    const choice = await choosePort(undefined);
    expect(choice.port === 8787 || choice.port === 0).toBe(true);
    expect(choice.port === 8787).toBe(await portIsFree(8787));
  });
});

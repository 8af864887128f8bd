// `npm run sandbox`: starts the sandbox and prints, on stdout and in this order:
//   sandbox api: http://127.0.0.1:PORT/api/v1
//   sandbox rpc: http://127.0.0.1:PORT
//   sandbox wallet staked|liquid|empty: ADDRESS PRIVATE_KEY
// Everything else goes to stderr. It stops on SIGINT/SIGTERM/SIGHUP, and when npm, its shell or
// tsx's wrapper above it exits (see ancestors.ts). SANDBOX_PORT fixes the API port; --state <file> (or
// SANDBOX_STATE) persists the state; --quiet (or SANDBOX_QUIET=1) silences the request lines.
import { watchAncestors } from './ancestors';
import { startSandbox } from './index';

function option(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

async function main(): Promise<void> {
  const portText = process.env.SANDBOX_PORT;
  const port = portText ? Number(portText) : undefined;
  if (port !== undefined && (!Number.isInteger(port) || port < 0 || port > 65535)) {
    throw new Error(`SANDBOX_PORT must be a port number, got "${portText}"`);
  }
  const sandbox = await startSandbox({
    port,
    stateFile: option('--state') ?? process.env.SANDBOX_STATE,
    quiet: process.argv.includes('--quiet') || process.env.SANDBOX_QUIET === '1',
  });

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.error(`sandbox: ${signal} received, stopping`);
    sandbox.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(`sandbox: stop failed: ${(error as Error).message}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGHUP', () => stop('SIGHUP'));
  // npm, its shell and tsx's wrapper: if one of them dies, nobody is left to signal us.
  watchAncestors(() => stop('parent exit'));

  const { staked, liquid, empty, contract } = sandbox.wallets;
  const lines = [`sandbox api: ${sandbox.apiUrl}`, `sandbox rpc: ${sandbox.rpcUrl}`];
  for (const wallet of [staked, liquid, empty]) lines.push(`sandbox wallet ${wallet.name}: ${wallet.address} ${wallet.privateKey ?? ''}`);
  process.stdout.write(`${lines.join('\n')}\n`);
  console.error(`sandbox: signing page ${sandbox.origin}/sign, controls under ${sandbox.origin}/__sandbox/ (see test/sandbox/README.md)`);
  console.error(`sandbox: ERC-1271 wallet "contract" ${contract.address}, owned by ${contract.owner ?? '?'}`);
  console.error('sandbox: ready; Ctrl-C stops it');
}

main().catch((error: unknown) => {
  console.error(`sandbox: failed to start: ${(error as Error).message}`);
  process.exit(1);
});

// What `npm run demo` was asked to do: its flags and environment, checked before anything starts.

export const DEFAULT_PORT = 8787;

export interface DemoOptions {
  /** Run the whole mint on its own, without a window (--headless). */
  headless: boolean;
  /** Print the usage and stop (--help, -h). */
  help: boolean;
  /** SANDBOX_PORT when set; otherwise undefined (the demo tries DEFAULT_PORT, then any free port). */
  port: number | undefined;
  /** No window was asked for explicitly, but there is no display to show one on. */
  noDisplay: boolean;
}

export type Parsed = { ok: true; options: DemoOptions } | { ok: false; error: string };

export const USAGE = `Usage: npm run demo [-- --headless]

Builds the sandbox build of the extension, starts the local sandbox (a stand-in for Venice's API
and for Base, no funds needed) and opens Chromium with the extension pointed at it.

  (no flag)    a browser window with the popup and the sandbox signing page; you mint by hand.
               Needs a display (DISPLAY); without one the demo runs headless instead.
  --headless   no window: sets up the vault, connects the sandbox wallet, mints one key, prints
               the result and saves artifacts/demo-popup.png (the popup's top) and
               artifacts/demo-popup-saved.png (its mint panel), then exits.
  --help       this text.

Environment: SANDBOX_PORT=<port> fixes the sandbox's port (default ${DEFAULT_PORT} when free).`;

/** A TCP port from SANDBOX_PORT, or an error that says what was wrong. */
export function parsePort(text: string | undefined): { ok: true; port: number | undefined } | { ok: false; error: string } {
  if (text === undefined || text.trim() === '') return { ok: true, port: undefined };
  const port = Number(text.trim());
  if (!/^\d{1,5}$/.test(text.trim()) || port < 1 || port > 65_535) {
    return { ok: false, error: `SANDBOX_PORT must be a port number between 1 and 65535, got "${text}"` };
  }
  return { ok: true, port };
}

export function parseDemoArgs(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): Parsed {
  let headless = false;
  let help = false;
  for (const arg of argv) {
    if (arg === '--headless') headless = true;
    else if (arg === '--help' || arg === '-h') help = true;
    else return { ok: false, error: `Unknown option "${arg}". Use --headless, or --help for the usage.` };
  }
  const port = parsePort(env.SANDBOX_PORT);
  if (!port.ok) return port;
  const noDisplay = !headless && !env.DISPLAY;
  return { ok: true, options: { headless: headless || noDisplay, help, port: port.port, noDisplay } };
}

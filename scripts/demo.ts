// `npm run demo`: the extension against the bundled sandbox, no funds needed. Builds the sandbox
// build, makes sure Chromium is there, starts the sandbox (anvil + a local Venice API) with its
// state in .sandbox/demo-state.json, and opens Chromium with the extension pointed at it.
// `npm run demo -- --headless` runs one whole mint on its own and prints the result.
// See scripts/demo/options.ts for the flags; nothing here ever prints an API key or the passphrase.
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { startSandbox, type Sandbox } from '../test/sandbox/index';
import { launchDemoBrowser, profileHolder, type DemoBrowser } from './demo/browser';
import { guardChild } from './demo/guard';
import { runHeaded } from './demo/headed';
import { runHeadlessMint } from './demo/headless';
import { installSignalHandlers, onShutdown, shutdown, stopping } from './demo/lifecycle';
import { parseDemoArgs, USAGE } from './demo/options';
import { ROOT, SANDBOX_DIR, STATE_FILE } from './demo/paths';
import { choosePort, type PortChoice } from './demo/port';
import { buildSandboxExtension, ensureBrowsers } from './demo/prepare';
import { errorSummary, resultLines, sandboxLines } from './demo/report';

const started = Date.now();
const timings: string[] = [];
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const say = (text: string) => console.log(`demo: ${text}`);

/** Runs one step, saying what it does and how long it took. */
async function timed<T>(label: string, work: () => Promise<T>): Promise<T> {
  say(`${label}…`);
  const t0 = Date.now();
  const value = await work();
  timings.push(`${label.replace(/ \(.*\)$/, '')} ${seconds(Date.now() - t0)}`);
  return value;
}

async function startDemoSandbox(choice: PortChoice, explicit: boolean, quiet: boolean): Promise<Sandbox> {
  const start = (port: number) => startSandbox({ port, stateFile: STATE_FILE, quiet });
  try {
    return await start(choice.port).catch((error: unknown) => {
      // 8787 was free a moment ago; if someone took it since, any free port will do.
      if (!explicit && choice.port !== 0 && /EADDRINUSE/.test(String(error))) return start(0);
      throw error;
    });
  } catch (error) {
    const hint = /state|JSON/i.test(String(error)) ? ` (delete ${path.relative(ROOT, STATE_FILE)} to start with a fresh sandbox state)` : '';
    throw new Error(`the sandbox did not start on ${choice.note}: ${(error as Error).message}${hint}`);
  }
}

/** settings.set from an extension page, exactly as the options page saves: the sandbox's API and RPC. */
async function pointAtSandbox(browser: DemoBrowser, sandbox: Sandbox): Promise<void> {
  const options = await browser.context.newPage();
  await options.goto(browser.url('options.html'));
  const reply = await browser.send('settings.set', { patch: { apiBaseUrl: sandbox.apiUrl, rpcUrl: sandbox.rpcUrl } }, options);
  await options.close();
  if (!reply.ok || (reply.output as { ok?: boolean } | undefined)?.ok !== true) {
    throw new Error(`the extension refused the sandbox's addresses: ${JSON.stringify(reply.error ?? reply.output)}`);
  }
}

async function main(): Promise<void> {
  const parsed = parseDemoArgs(process.argv.slice(2), process.env);
  if (!parsed.ok) {
    console.error(`demo: ${parsed.error}\n\n${USAGE}`);
    process.exit(2);
  }
  const { options } = parsed;
  if (options.help) return console.log(USAGE);
  if (options.noDisplay) {
    say('no display (DISPLAY is not set), so no browser window can open here. Running the headless demo');
    say('instead; for the window, run it in a desktop session (or under `xvfb-run -a npm run demo` to just try it).');
  }
  const holder = profileHolder();
  if (holder !== undefined) throw new Error(`another demo is running (Chromium, pid ${holder}, holds .sandbox/demo-profile); stop it first`);
  installSignalHandlers();
  mkdirSync(SANDBOX_DIR, { recursive: true });
  const port = await choosePort(options.port); // before the build: a taken SANDBOX_PORT fails fast

  await timed('building the sandbox build (npx wxt build --mode sandbox)', buildSandboxExtension);
  await timed('checking the browsers (scripts/ensure-browsers.ts)', ensureBrowsers);
  const reused = existsSync(STATE_FILE);
  const sandbox = await timed(`starting the sandbox (${port.note}, state: ${path.relative(ROOT, STATE_FILE)})`, () =>
    startDemoSandbox(port, options.port !== undefined, options.headless),
  );
  const unguard = guardChild(sandbox.anvilPid, 'anvil');
  onShutdown('sandbox', () => sandbox.stop().finally(unguard));
  console.log(sandboxLines({ ...sandbox, wallets: [sandbox.wallets.staked, sandbox.wallets.liquid, sandbox.wallets.empty] }).join('\n'));
  const keys = Object.keys(sandbox.state.data.keys).length;
  say(`sandbox state ${path.relative(ROOT, STATE_FILE)}: ${reused ? `reused (${keys} key record${keys === 1 ? '' : 's'} from earlier runs, no secrets)` : 'new'}`);
  say(`signing page ${sandbox.origin}/sign, controls under ${sandbox.origin}/__sandbox/ (see test/sandbox/README.md)`);

  const browser = await timed(`opening Chromium (${options.headless ? 'headless' : 'window'}, profile .sandbox/demo-profile)`, () =>
    launchDemoBrowser(options.headless),
  );
  onShutdown('browser', () => browser.close());
  await timed('pointing the extension at the sandbox (settings.set)', () => pointAtSandbox(browser, sandbox));

  if (!options.headless) {
    await runHeaded(browser, sandbox);
    await shutdown(0, 'the browser was closed');
  }
  const result = await timed('running the mint', () => runHeadlessMint(browser, sandbox, (text) => say(`  ${text}`)));
  console.log(resultLines(result.key, result.badge, result.screenshots).join('\n'));
  say(`done in ${seconds(Date.now() - started)} (${timings.join(', ')})`);
  await shutdown(0);
}

main().catch(async (error: unknown) => {
  if (!stopping()) console.error(`demo: failed: ${errorSummary(error)}`);
  await shutdown(1);
});

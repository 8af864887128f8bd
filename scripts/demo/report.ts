// What the demo prints: the sandbox's addresses and wallets, and the result of a headless mint.
// Pure functions over plain data, so they can be tested; `assertNoSecret` guards every line.

export interface SandboxInfo {
  apiUrl: string;
  rpcUrl: string;
  origin: string;
  wallets: { name: string; address: string; privateKey?: string }[];
}

/** The sandbox's view of a key (GET /__sandbox/keys): never a secret, only its last six characters. */
export interface SandboxKeyView {
  id: string;
  apiKeyType: string;
  description: string;
  last6Chars: string;
  expiresAt: string | null;
  consumptionLimits: { usd: number | null; diem: number | null; vcu?: number | null };
  limitPeriod: string;
  accessPermitted?: boolean;
}

export interface BadgeView {
  text: string;
  color: readonly number[];
  title: string;
}

const SECRET_PATTERNS: RegExp[] = [
  /VENICE_(INFERENCE|ADMIN)_KEY_/, // an API key
  /eyJ[\w-]{8,}\.[\w-]{8,}\./, // a JWT
  /0x[0-9a-fA-F]{130}/, // a signature
];

/** Throws if `text` holds something that looks like an API key, a JWT or a signature. */
export function assertNoSecret(text: string): string {
  if (SECRET_PATTERNS.some((pattern) => pattern.test(text))) throw new Error('refusing to print a line that holds a secret');
  return text;
}

/**
 * An error as one short message: Playwright's call log and the browser's own log are cut off (they
 * hold nothing a newcomer can act on), at most five lines are kept, and anything secret-looking is masked.
 */
export function errorSummary(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  const cut = text.split(/\n\s*(?:Call log:|Browser logs:|=+ logs =+)/)[0] ?? text;
  const lines = cut.trim().split('\n').slice(0, 5).join('\n');
  return SECRET_PATTERNS.reduce((out, pattern) => out.replace(new RegExp(pattern.source + '\\S*', 'g'), '[secret hidden]'), lines);
}

/** The lines `npm run sandbox` prints, then a warning about the wallets' keys. */
export function sandboxLines(info: SandboxInfo): string[] {
  const lines = [`sandbox api: ${info.apiUrl}`, `sandbox rpc: ${info.rpcUrl}`];
  for (const wallet of info.wallets) lines.push(`sandbox wallet ${wallet.name}: ${wallet.address} ${wallet.privateKey ?? ''}`.trimEnd());
  lines.push(
    '  (these wallet keys are anvil\'s public development keys, known to everyone: never send real funds to them',
    '   or use them outside this local sandbox)',
  );
  return lines;
}

const cap = (value: number | null | undefined, unit: string) => (value === null || value === undefined ? `no ${unit} cap` : `${value} ${unit}`);

export const hexColor = (rgba: readonly number[]) =>
  `#${rgba.slice(0, 3).map((n) => n.toString(16).padStart(2, '0')).join('')}${rgba[3] === undefined || rgba[3] === 255 ? '' : ` (alpha ${rgba[3]})`}`;

/** The result of a headless mint, in a few lines. */
export function resultLines(key: SandboxKeyView, badge: BadgeView, screenshots: readonly string[]): string[] {
  const lines = [
    'Minted and saved in the extension\'s encrypted vault:',
    `  key id      ${key.id}`,
    `  last six    …${key.last6Chars}`,
    `  type        ${key.apiKeyType}`,
    `  description ${key.description}`,
    'The sandbox\'s view of the key (GET /__sandbox/keys):',
    `  limits      ${cap(key.consumptionLimits.usd, 'USD')}, ${cap(key.consumptionLimits.diem, 'DIEM')}, period ${key.limitPeriod}`,
    `  expires     ${key.expiresAt ?? 'never'}`,
  ];
  if (key.accessPermitted !== undefined) lines.push(`  access      ${key.accessPermitted ? 'permitted' : 'switched off'}`);
  lines.push(
    'Toolbar badge:',
    `  text        "${badge.text}"`,
    `  colour      ${hexColor(badge.color)}`,
    `  title       ${badge.title.replace(/\n/g, ' | ')}`,
    `Screenshots of the popup: ${screenshots.join(', ')}`,
  );
  return lines.map(assertNoSecret);
}

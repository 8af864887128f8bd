/**
 * The house plan's boundaries, checked by `npm run arch` (a step of `npm test`). Each rule
 * says what it protects; a broken rule fails the tests. See README "Where things live".
 */
/** Domain folders under lib/: each one concern, taking what it needs as arguments. */
const DOMAIN = '^lib/(async|badge|chain|dates|errors|manage|mint|notify|settings|shape|toolbar|vault|venice)/';

module.exports = {
  forbidden: [
    {
      name: 'no-folder-cycles',
      comment: 'Folders depend on each other one way: no folder reaches itself through another.',
      severity: 'error',
      scope: 'folder',
      from: { path: '^(lib|components|entrypoints)/' },
      to: { circular: true },
    },
    {
      name: 'no-module-cycles',
      comment: 'No file reaches itself through its imports.',
      severity: 'error',
      from: { path: '^(lib|components|entrypoints)/' },
      to: { circular: true },
    },
    {
      name: 'components-not-entrypoints',
      comment: 'Components get what they need as props: they never import the wiring in entrypoints/.',
      severity: 'error',
      from: { path: '^components/' },
      to: { path: '^entrypoints/' },
    },
    {
      name: 'lib-not-pages',
      comment: 'lib/ is context-free domain code: it never imports components or entrypoints.',
      severity: 'error',
      from: { path: '^lib/' },
      to: { path: '^(components|entrypoints)/' },
    },
    {
      name: 'domain-not-messaging',
      comment: 'Domain code never imports the message layer: the background routes (entrypoints/background/routes.ts) call it.',
      severity: 'error',
      from: { path: DOMAIN },
      to: { path: '^lib/messaging/' },
    },
    {
      name: 'wallet-messaging-only-primitives',
      comment: 'lib/wallet talks to its own signing tab with the protocol primitives, never with the pages\' contracts.',
      severity: 'error',
      from: { path: '^lib/wallet/' },
      to: { path: '^lib/messaging/', pathNot: '^lib/messaging/(protocol|call|handle)\\.ts$' },
    },
    {
      name: 'lib-no-browser',
      comment: 'lib/ takes the browser\'s APIs as arguments; only the stored items (lib/storage/items.ts) use WXT storage.',
      severity: 'error',
      from: { path: '^lib/', pathNot: '^lib/storage/items\\.ts$' },
      to: { path: '^(wxt|@wxt-dev)/|node_modules/(wxt|@wxt-dev)/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'storage-items-background-only',
      comment: 'Declaring the stored items runs the vault migration: only the background (and tests) may.',
      severity: 'error',
      from: { path: '^(lib|components)/|^entrypoints/(?!background/)' },
      to: { path: '^lib/storage/items\\.ts$' },
    },
    {
      name: 'page-world-minimal',
      comment: 'Code that runs in a web page (content scripts, the main-world bridge) imports only its protocol and zod/mini.',
      severity: 'error',
      from: { path: '^entrypoints/[^/]+\\.content\\.ts$|^lib/wallet/(page-bridge|tab-bridge|bridge-protocol|bridge-messages|bridge-seal)\\.ts$' },
      to: {
        pathNot: [
          '^lib/wallet/(page-bridge|tab-bridge|bridge-protocol|bridge-messages|bridge-seal)\\.ts$',
          'node_modules/(zod/(v4/)?mini|zod/v4/core|mipd)/',
          'node_modules/wxt/dist/utils/(define-content-script|content-script-context|internal)',
          '^(wxt/browser|wxt/utils/define-content-script)$',
          'node_modules/wxt/dist/browser',
          'node_modules/@wxt-dev/browser',
        ],
      },
    },
    {
      name: 'popup-stays-light',
      comment: 'The popup never loads viem, siwe, the vault\'s crypto or the Venice client (issue budget: popup JS).',
      severity: 'error',
      from: { path: '^entrypoints/(popup/|popup-app\\.tsx)' },
      to: {
        reachable: true,
        path: ['node_modules/(viem|siwe|@noble|ox)/', '^lib/venice/', '^lib/vault/(envelope|kdf|encoding|lock-ops|key-ops|vault|session)\\.ts$', '^lib/storage/items\\.ts$'],
      },
    },
    {
      name: 'popup-no-zod',
      comment:
        'The popup loads no zod (issue 16: its JS at 30 KiB): it checks what it reads by hand (lib/shape and the *-check files, held to the schemas\' answers by test/unit/shape) and imports the contracts as types; the background parses with zod. test/unit/manifest checks the built popup-app.js for zod too.',
      severity: 'error',
      from: {
        path: [
          '^entrypoints/(popup/|popup-app\\.tsx)',
          '^lib/shape/',
          '^lib/messaging/(wire|page-client)\\.ts$',
          '^lib/(vault/record-check|toolbar/(poll-entry-check|schedule)|settings/(stored-timings|limits)|mint/(state-check|options-plain|form|links))\\.ts$',
        ],
      },
      to: { path: 'node_modules/zod/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'zod-mini-only',
      comment: 'Extension code parses with zod/mini: classic zod (its chainable API) would add ~90 kB minified to the worker and the pages (issue 16).',
      severity: 'error',
      from: { path: '^(entrypoints|components|lib)/' },
      to: { path: 'node_modules/zod/(index\\.|v4/classic/|v4/index\\.|v3/)' },
    },
  ],
  options: {
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '^(\\.wxt|\\.output)/' },
    doNotFollow: { path: 'node_modules' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
  },
};

/*
 * The layer order of DESIGN.md, declared once: an import only ever points down this list (or stays in its own
 * folder). Folders on the same line are siblings and may not import each other either, so the order between
 * them stays free to change. `npm run lint` runs this.
 */
const LAYERS = [
  ['entrypoints'],
  ['components'],
  ['lib/page', 'lib/background'],
  ['lib/sync', 'lib/messaging'],
  // Read models overlay queued intents on the cache for the popup and the page, so they sit above the queue.
  ['lib/board'],
  ['lib/queue'],
  // The list rules and list reading, used by both the queue and the sync.
  ['lib/lists'],
  // Budgeted access to Cliq: the rate ledger and the one call that reserves a slot before sending.
  ['lib/budget'],
  ['lib/store', 'lib/auth'],
  // The journal stores intents, so the vocabulary of intents sits beneath the store.
  ['lib/intents'],
  // The Cliq web app's addresses: which pages are Cliq's, and what chat an address names.
  ['lib/web'],
  // Which build this is (production, test, demo) decides which Cliq hosts it may reach.
  ['lib/build-mode.ts'],
  ['lib/cliq'],
  // Translated strings, for any layer.
  ['lib/i18n.ts'],
];

const literal = (path) => path.replace(/[.]/g, '\\.');
const layerPattern = (layer) => `^(${layer.map(literal).join('|')})(/|$)`;

/** For each layer: nothing in it may import any layer above it, nor a sibling on its own line. */
const upward = LAYERS.flatMap((layer, index) => {
  const above = LAYERS.slice(0, index).flat();
  const rules = [];
  if (above.length > 0)
    rules.push({
      name: `no-upward-import:${layer.join('+')}`,
      comment: `${layer.join(', ')} may only import layers below it (see LAYERS in .dependency-cruiser.cjs).`,
      severity: 'error',
      from: { path: layerPattern(layer) },
      to: { path: layerPattern(above) },
    });
  for (const folder of layer)
    if (layer.length > 1)
      rules.push({
        name: `no-sibling-import:${folder}`,
        comment: `${folder} may not import its siblings ${layer.filter((f) => f !== folder).join(', ')}.`,
        severity: 'error',
        from: { path: layerPattern([folder]) },
        to: { path: layerPattern(layer.filter((f) => f !== folder)) },
      });
  return rules;
});

/** Code that only the background may run: it holds the token, the queue, the IndexedDB journal and cache. */
const BACKGROUND_ONLY = ['lib/background', 'lib/sync', 'lib/queue', 'lib/lists', 'lib/budget', 'lib/store', 'lib/auth'];

module.exports = {
  forbidden: [
    ...upward,
    {
      name: 'no-cycle',
      comment: 'No import cycles, inside a folder or between folders.',
      severity: 'error',
      from: { path: '^(lib|components|entrypoints)/' },
      to: { circular: true },
    },
    {
      name: 'content-script-not-background',
      comment:
        'The content script runs in the page and talks to the background through lib/messaging only; ' +
        'type-only imports are erased and allowed.',
      severity: 'error',
      from: { path: '^entrypoints/cliq\\.content/' },
      to: {
        path: layerPattern(BACKGROUND_ONLY),
        dependencyTypesNot: ['type-only'],
      },
    },
    {
      name: 'not-to-unresolvable',
      comment: 'An import that resolves to nothing is a typo or a missing dependency.',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true, pathNot: ['^wxt/', '^#', '\\?inline$', '^virtual:'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|\\.output|\\.wxt)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'],
    },
  },
};

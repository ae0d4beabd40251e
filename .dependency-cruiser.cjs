// The borders between the project's layers, checked by `npm run lint` (depcruise) and
// scripts/test.mjs. README.md "Design" explains each rule; test/unit/project/dependencyRules.test.ts
// proves they bite. Fix a violation by moving code, never by exempting the file.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment:
        'No import cycles, type-only imports included: a cycle means two modules are one module, and ' +
        'through the composition root it makes every feature load every other. Move the shared part down.',
      // Build scripts are left out: depcruise resolves the emulator build script's bare 'esbuild'
      // import to the root esbuild.mjs, which imports that script — a cycle only on paper.
      from: { path: '^(src|packages|webview-ui)/', pathNot: '^packages/[^/]+/scripts/' },
      to: { circular: true },
    },
    {
      name: 'composition-root-imported',
      severity: 'error',
      comment:
        'src/core/extension.ts and src/core/features.ts are the composition root: they import everything, ' +
        'so nothing imports them (extension.ts loads features.ts lazily, as chunk:features). The contracts ' +
        'features use live in src/core/contracts.ts.',
      from: { path: '^(src|packages|webview-ui)/', pathNot: '^src/core/extension\\.ts$' },
      to: { path: '^src/core/(extension|features)\\.ts$' },
    },
    {
      name: 'vertex-above-its-layer',
      severity: 'error',
      comment:
        'src/vertex is the client layer: plain Node, no editor. It may use src/common and packages/catalog, ' +
        'never a feature, src/ui or src/core (types it shares with a feature live in src/vertex and the ' +
        "feature's protocol re-exports them).",
      from: { path: '^src/vertex/' },
      to: { path: '^src/(features|ui|core)/' },
    },
    {
      name: 'common-outside-itself',
      severity: 'error',
      comment: 'src/common is vscode-free helpers any layer may use: it imports nothing else from src/.',
      from: { path: '^src/common/' },
      to: { path: '^src/', pathNot: '^src/common/' },
    },
    {
      name: 'package-imports-product',
      severity: 'error',
      comment:
        'packages/* are standalone (the emulator ships as its own process, the catalog is shared with it): ' +
        'they never import the extension (src/) nor vscode.',
      from: { path: '^packages/' },
      // vscode resolves to its types package (the editor provides the module at run time).
      to: { path: ['^src/', '^vscode$', '^node_modules/@types/vscode/'] },
    },
    {
      name: 'catalog-imports-emulator',
      severity: 'error',
      comment: 'packages/catalog is pure data and rules shared by the product and the emulator: it never imports the emulator.',
      from: { path: '^packages/catalog/' },
      to: { path: '^packages/emulator/' },
    },
    {
      name: 'product-imports-emulator',
      severity: 'error',
      comment:
        'The extension starts the emulator as a child process from dist/emulator.js and talks to it over ' +
        'HTTP; product code (src/, webview-ui/) never imports packages/emulator. Only tests do.',
      from: { path: '^(src|webview-ui)/' },
      to: { path: '^packages/emulator/' },
    },
    {
      name: 'ui-imports-feature',
      severity: 'error',
      comment: 'src/ui holds editor widgets every feature uses (input seam, flows, trees, webview html): it knows no feature.',
      from: { path: '^src/ui/' },
      to: { path: '^src/features/' },
    },
    {
      name: 'feature-private-file',
      severity: 'error',
      comment:
        "A feature reaches another feature only through that feature's public file, src/features/<name>/api.ts, " +
        'which re-exports what others may use; everything else in a feature folder is private to it.',
      from: { path: '^src/features/([^/]+)/' },
      to: { path: '^src/features/', pathNot: ['^src/features/$1/', '^src/features/[^/]+/api\\.ts$'] },
    },
    {
      name: 'core-private-feature-file',
      severity: 'error',
      comment:
        'src/core, the activation entry included, reaches a feature only through its api.ts; only the features ' +
        'chunk (src/core/features.ts) imports the feature files it registers: commands, trees, code lenses.',
      from: { path: '^src/core/', pathNot: '^src/core/features\\.ts$' },
      to: { path: '^src/features/', pathNot: '^src/features/[^/]+/api\\.ts$' },
    },
    {
      name: 'webview-imports-host',
      severity: 'error',
      comment:
        "A webview app runs in the browser: from src/ it imports only a feature's protocol.ts (the messages it " +
        'exchanges with its panel, types only) and src/common/ipc.ts (the message channel both ends run).',
      from: { path: '^webview-ui/' },
      to: { path: '^src/', pathNot: ['^src/features/[^/]+/protocol\\.ts$', '^src/common/ipc\\.ts$'] },
    },
    {
      name: 'webview-imports-values',
      severity: 'error',
      comment:
        'A webview app takes only types from outside webview-ui/ (the one exception: src/common/ipc.ts, pure code ' +
        'with no vscode and no DOM that pairs requests on both ends): no host code may end up in the browser bundle.',
      from: { path: '^webview-ui/' },
      to: { path: '^(src|packages)/', pathNot: '^src/common/ipc\\.ts$', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'protocol-imports-values',
      severity: 'error',
      comment:
        "A feature's protocol.ts is read by its webview app too: it imports only types, so no host code " +
        'reaches the browser through it.',
      from: { path: '^src/features/[^/]+/protocol\\.ts$' },
      to: { dependencyTypesNot: ['type-only'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // `import type` counts: a type-only cycle is still a design cycle.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    // Build output is never source: the root dist/ and each package's own (packages/emulator/dist holds
    // bundled tests of hundreds of MB, which would take the cruise minutes and gigabytes).
    exclude: { path: ['(^|/)dist/', '^out/'] },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
  },
};

/**
 * Import rules, checked by `npm test` (step "lint imports (cycles, layers)") and
 * `npm run lint:imports`:
 * - no import cycle anywhere in src/, plugins/, sandbox/, tools/ and scripts/, counting
 *   type-only imports (`import type`, kept by `tsPreCompilationDeps`) and lazy ones
 *   (`import()`, `React.lazy`), which dependency-cruiser follows like static imports;
 * - layers: the site (src/) and its build plugins (plugins/) never import the CLIs and
 *   tools (tools/, scripts/); shared code lives in src/lib/.
 * scripts/imports.test.ts proves on a fixture tree that both kinds of import close a cycle.
 * @type {import('dependency-cruiser').IConfiguration}
 */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'An import cycle (type-only and dynamic imports count). Move the shared part to a module both import.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'site-imports-no-tools',
      severity: 'error',
      comment: 'src/ and plugins/ must not import from tools/ or scripts/: move the shared code to src/lib/.',
      from: { path: '^(src|plugins)/' },
      to: { path: '^(tools|scripts)/' },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      comment: 'A relative import that resolves to no file.',
      from: {},
      to: { couldNotResolve: true, path: '^[.]' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|build|[.]docusaurus|[.]e2e-fixture-site|sandbox/data|test/fixtures|[.]tmp)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.mts', '.js', '.mjs', '.cjs', '.json', '.d.ts'],
    },
    moduleSystems: ['es6', 'cjs'],
  },
};

/**
 * Import rules `npm test` checks (npm run check:deps). Paths are relative to the repository root.
 * @type {import('dependency-cruiser').IConfiguration}
 */
module.exports = {
  forbidden: [
    {
      name: 'domain-no-adapters',
      comment: 'shared/domain is pure: it imports no adapter.',
      severity: 'error',
      from: { path: '^shared/domain/' },
      to: { path: '^shared/adapters/' },
    },
    {
      name: 'domain-no-aws-sdk',
      comment: 'shared/domain is pure: no AWS SDK.',
      severity: 'error',
      from: { path: '^shared/domain/' },
      to: { path: '(^|/)node_modules/@aws-sdk/|^@aws-sdk/' },
    },
    {
      name: 'domain-no-schemas',
      comment: 'shared/domain does not depend on the zod schemas (shared/schemas) at run time; types it may share.',
      severity: 'error',
      from: { path: '^shared/domain/' },
      to: { path: '^shared/schemas/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'adapters-no-taxonomy',
      comment: 'Adapters reach no taxonomy or extraction code (shared/taxonomy), directly or through what they import.',
      severity: 'error',
      // The one known exception is in options.doNotFollow below.
      from: { path: '^shared/adapters/' },
      to: { path: '^shared/taxonomy/', reachable: true },
    },
    {
      name: 'local-no-cli',
      comment: 'The local server imports nothing from the command line (cli/ may import local/).',
      severity: 'error',
      from: { path: '^local/' },
      to: { path: '^cli/' },
    },
  ],
  options: {
    doNotFollow: {
      path: [
        'node_modules',
        // The one known exception to adapters-no-taxonomy, removed by the matching work:
        // shared/adapters/dynamodb/skill-vector.ts reaches the taxonomy through
        // shared/domain/matching/evidence.ts. Not following its imports hides exactly that path.
        '^shared/adapters/dynamodb/skill-vector[.]ts$',
      ],
    },
    // Run-time imports only: `import type` is erased by the compiler and ties nothing together.
    tsPreCompilationDeps: false,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.cjs', '.json'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
  },
};

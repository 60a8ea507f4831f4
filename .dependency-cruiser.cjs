/**
 * Import rules `npm test` checks (npm run check:deps: the source folders, and tests/unit and
 * tests/support for the test rule). Paths are relative to the repository root.
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
      comment:
        'Adapters reach no taxonomy or extraction code (shared/taxonomy), directly or through what they import; the vocabulary of skill levels (levels.ts, no data, no text work) is no taxonomy.',
      severity: 'error',
      from: { path: '^shared/adapters/' },
      to: { path: '^shared/taxonomy/', pathNot: '^shared/taxonomy/levels[.]ts$', reachable: true },
    },
    {
      name: 'unit-tests-no-integration',
      comment: 'Unit tests (and the helpers in tests/support they share with integration tests) import nothing from tests/integration: helpers both need live in tests/support.',
      severity: 'error',
      from: { path: '^tests/(unit|support)/' },
      to: { path: '^tests/integration/' },
    },
    {
      name: 'adapters-no-text-work',
      comment:
        'Adapters do no text or matching work: a record\'s skill vector and index partitions come from the composition root (RecordIndexer), so no adapter reaches the matching, recommendation or text code in shared/domain.',
      severity: 'error',
      from: { path: '^shared/adapters/' },
      to: { path: '^shared/domain/(matching|recommend|text)/', reachable: true },
    },
    {
      name: 'views-no-taxonomy',
      comment:
        'Response schemas (shared/schemas/views) reach no taxonomy or extraction code, directly or through what they import: a function that answers a view must not bundle and initialise the skill-list input schema and the extractor for it (docs/cold-start.md). Leaf enums live in shared/schemas/groups.ts and course-mode.ts.',
      severity: 'error',
      from: { path: '^shared/schemas/views/' },
      to: { path: '^shared/taxonomy/', pathNot: '^shared/taxonomy/levels[.]ts$', reachable: true },
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
      ],
    },
    // Run-time imports only: `import type` is erased by the compiler and ties nothing together.
    tsPreCompilationDeps: false,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.cjs', '.json'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
  },
};

import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts', 'tests/infra/**/*.test.ts', 'tests/e2e/**/*.test.ts'],
    // Integration files each start their own DynamoDB Local (tests/integration/table.ts).
    setupFiles: ['tests/integration/per-file.ts'],
    env: {
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      POWERTOOLS_TRACE_ENABLED: 'false',
      POWERTOOLS_METRICS_DISABLED: 'true',
      POWERTOOLS_LOG_LEVEL: 'SILENT',
      AWS_REGION: 'cn-north-1',
    },
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Test files mostly wait on their DynamoDB Local (a Java process each), so run at least two at
    // once even on two cores (vitest's default there is one): 240 s instead of 430 s.
    maxWorkers: Math.max(2, availableParallelism()),
  },
});

import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

/** Tests that need no server of any kind. */
const UNIT = [
  'test/config.test.ts',
  'test/ports.test.ts',
  'test/logger.test.ts',
  'test/dashboard-state.test.ts',
  'test/indicator-golden.test.ts',
  'test/schema-file.test.ts',
  'test/layers.test.ts',
  'test/plain-row.test.ts',
  'test/cache-key.test.ts',
  'test/body-store.test.ts',
  'test/cache-scopes.test.ts',
  'test/write-positions.test.ts',
  'test/prepared-statements.test.ts',
];

export default defineConfig({
  resolve: {
    // graphql 16 ships CJS (main) and ESM (module) builds. Node, and so Yoga and
    // Pothos, load the CJS one; Vite would hand our sources the ESM one, and
    // `instanceof GraphQLError` would then fail across the two copies.
    alias: { graphql: require.resolve('graphql') },
  },
  test: {
    projects: [
      // Pure code (kernels against golden fixtures, configuration, URL state,
      // the schema file): no database to wait for. `npm run test:unit`.
      { extends: true, test: { name: 'unit', include: UNIT } },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
          exclude: UNIT,
          // One real PostgreSQL for the run; every test file gets its own database in it.
          globalSetup: ['test/global-setup.ts'],
        },
      },
    ],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // Two cores: more workers than that only adds contention with PostgreSQL.
    maxWorkers: 2,
  },
});

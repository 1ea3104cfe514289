import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

/** Tests that need no server of any kind. */
const UNIT = [
  'test/architecture/config.test.ts',
  'test/architecture/ports.test.ts',
  'test/server/logger.test.ts',
  'test/dashboard/dashboard-state.test.ts',
  'test/dashboard/alert-condition.test.ts',
  'test/dashboard/indicator-catalog.test.ts',
  'test/indicators/indicator-golden.test.ts',
  'test/architecture/schema-file.test.ts',
  'test/architecture/layers.test.ts',
  'test/loading/plain-row.test.ts',
  'test/cache/cache-key.test.ts',
  'test/cache/body-store.test.ts',
  'test/cache/cache-scopes.test.ts',
  'test/server/write-positions.test.ts',
  'test/server/prepared-statements.test.ts',
  'test/holdings/identifiers.test.ts',
  'test/holdings/nport-xml.test.ts',
  'test/holdings/nport-hostile.test.ts',
  'test/holdings/issuer-csv.test.ts',
  'test/holdings/position-checks.test.ts',
  'test/holdings/read-holdings-file.test.ts',
  'test/architecture/readme-screenshots.test.ts',
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
          globalSetup: ['test/helpers/global-setup.ts'],
        },
      },
    ],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // Two cores: more workers than that only adds contention with PostgreSQL.
    maxWorkers: 2,
  },
});

// graphql-codegen: prints the schema that Pothos builds into schema.graphql
// (committed, so every API change shows in review) and writes typed documents
// for the GraphQL operations written in the tests and benchmarks.
// Run with `npm run codegen`.
import type { CodegenConfig } from '@graphql-codegen/cli';

const config: CodegenConfig = {
  schema: './src/schema/index.ts',
  ignoreNoDocuments: true,
  // NodeNext resolution wants explicit .js extensions in the generated imports.
  importExtension: '.js',
  generates: {
    'schema.graphql': {
      plugins: ['schema-ast'],
      config: { includeDirectives: false, commentDescriptions: false },
    },
    'src/dashboard/gql/': {
      documents: ['src/dashboard/**/*.ts', '!src/dashboard/gql/**'],
      preset: 'client',
      // Documents as strings: the browser bundle needs no GraphQL library to send them.
      config: { scalars: { Date: 'string' }, enumsAsTypes: true, useTypeImports: true, documentMode: 'string' },
      presetConfig: { fragmentMasking: false },
    },
    'test/gql/': {
      documents: ['test/**/*.ts', 'bench/**/*.ts', '!test/gql/**'],
      preset: 'client',
      config: {
        scalars: { Date: 'string', DateTime: 'string' },
        enumsAsTypes: true,
        useTypeImports: true,
      },
      presetConfig: { fragmentMasking: false },
    },
  },
};

export default config;

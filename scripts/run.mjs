// `npm start` and the CLIs: `node scripts/run.mjs <entry> [args…]` runs
// src/<entry>.ts as the JavaScript in compiled/ (scripts/compile.mjs),
// compiling first when a source changed since the last compile. No TypeScript
// loader starts with it, and each command loads only what it imports.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { compile, compiledDir, isStale } from './compile.mjs';

const entry = process.argv[2];
if (!entry) {
  process.stderr.write('usage: node scripts/run.mjs <entry under src/, e.g. server or cli/ingest> [args…]\n');
  process.exit(2);
}
// The command's own arguments start at argv[2], as when it is run directly.
process.argv.splice(2, 1);
if (isStale()) await compile();
await import(pathToFileURL(path.join(compiledDir, `${entry}.js`)).href);

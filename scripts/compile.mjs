// Compiles the server's TypeScript (src/, less the dashboard, which
// `npm run build` bundles for browsers) to plain JavaScript in compiled/, one
// file per module, so that `npm start` and the CLIs start without a TypeScript
// loader and load only the modules they import. compiled/ mirrors src/ at the
// same depth, so what a module finds from import.meta.url (the project root,
// prisma/migrations, the dashboard's files) is the same from either.
//
// `node scripts/compile.mjs` compiles (postinstall runs it); scripts/run.mjs
// compiles first whenever a source is newer than the last compile.
import { existsSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const sourceDir = path.join(root, 'src');
export const compiledDir = path.join(root, 'compiled');
const STAMP = '.compiled-at';

/** Browser code: bundled by npm run build, never run by Node. */
const BROWSER_ONLY = path.join(sourceDir, 'dashboard');

function sources(dir = sourceDir, found = []) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (file !== BROWSER_ONLY) sources(file, found);
    } else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') && !entry.name.endsWith('.d.ts')) {
      found.push(file);
    }
  }
  return found;
}

/** Whether any source (or the list of them) changed since the last compile: a stat per file, a few ms. */
export function isStale() {
  const stamp = path.join(compiledDir, STAMP);
  if (!existsSync(stamp)) return true;
  // The stamp's size is the number of sources it was compiled from.
  const { mtimeMs: compiledAt, size: count } = statSync(stamp);
  const files = sources();
  if (files.length !== count) return true;
  return files.some((file) => statSync(file).mtimeMs > compiledAt);
}

/**
 * Compiles every source into a fresh directory and swaps it in, so that a
 * process starting meanwhile never finds half a compile.
 */
export async function compile() {
  const { build } = await import('esbuild');
  const files = sources();
  const fresh = `${compiledDir}.${process.pid}.tmp`;
  rmSync(fresh, { recursive: true, force: true });
  await build({
    entryPoints: files,
    outdir: fresh,
    outbase: sourceDir,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    sourcemap: 'linked',
    logLevel: 'warning',
  });
  // The stamp's size is the number of sources: a file added or removed recompiles too.
  writeFileSync(path.join(fresh, STAMP), 'x'.repeat(files.length));
  const old = `${compiledDir}.${process.pid}.old`;
  if (existsSync(compiledDir)) renameSync(compiledDir, old);
  renameSync(fresh, compiledDir);
  rmSync(old, { recursive: true, force: true });
  return files.length;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const started = performance.now();
  const count = await compile();
  process.stdout.write(`compiled ${count} modules to compiled/ in ${Math.round(performance.now() - started)} ms\n`);
}

// The dashboard's files: bundled from src/dashboard by esbuild into
// dist/dashboard (by `npm run build`, or by start-up when the bundle is
// missing), and served from memory (static-files.ts).
import { existsSync } from 'node:fs';
import { copyFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { staticFiles } from './static-files.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const sourceDir = path.join(root, 'src', 'dashboard');
export const dashboardDir = path.join(root, 'dist', 'dashboard');

export async function buildDashboard(outDir = dashboardDir): Promise<void> {
  // esbuild is needed only to build, so it is loaded only then.
  const { build } = await import('esbuild');
  await mkdir(outDir, { recursive: true });
  await build({
    entryPoints: [path.join(sourceDir, 'main.ts')],
    outfile: path.join(outDir, 'dashboard.js'),
    bundle: true,
    format: 'esm',
    target: 'es2022',
    minify: true,
    sourcemap: 'linked',
    legalComments: 'linked',
    logLevel: 'warning',
  });
  await copyFile(path.join(sourceDir, 'index.html'), path.join(outDir, 'index.html'));
  await copyFile(path.join(sourceDir, 'dashboard.css'), path.join(outDir, 'dashboard.css'));
}

export async function ensureDashboardBuilt(): Promise<boolean> {
  if (existsSync(path.join(dashboardDir, 'dashboard.js'))) return false;
  await buildDashboard();
  return true;
}

const FIVE_MINUTES = 'public, max-age=300';

/** A dashboard file by name, or null when unknown or not built. */
export const dashboardFile = staticFiles(dashboardDir, {
  // The page is revalidated on every load; the bundle may be cached for a few minutes.
  'index.html': { file: 'index.html', type: 'text/html; charset=utf-8', cacheControl: 'no-cache' },
  'dashboard.js': { file: 'dashboard.js', type: 'text/javascript; charset=utf-8', cacheControl: FIVE_MINUTES },
  'dashboard.js.map': { file: 'dashboard.js.map', type: 'application/json', cacheControl: FIVE_MINUTES },
  'dashboard.css': { file: 'dashboard.css', type: 'text/css; charset=utf-8', cacheControl: FIVE_MINUTES },
});

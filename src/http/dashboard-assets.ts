// The dashboard's files: bundled from src/dashboard by esbuild into
// dist/dashboard (by `npm run build`, or by start-up when the bundle is
// missing), and served from memory.
import { existsSync } from 'node:fs';
import { copyFile, mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const sourceDir = path.join(root, 'src', 'dashboard');
export const dashboardDir = path.join(root, 'dist', 'dashboard');

const FILES: Record<string, string> = {
  'index.html': 'text/html; charset=utf-8',
  'dashboard.js': 'text/javascript; charset=utf-8',
  'dashboard.js.map': 'application/json',
  'dashboard.css': 'text/css; charset=utf-8',
};

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

const cache = new Map<string, Promise<Buffer | null>>();

/** A dashboard file by name, or null when unknown or not built. */
export async function dashboardFile(name: string, ResponseClass: typeof Response): Promise<Response | null> {
  const type = FILES[name];
  if (!type) return null;
  let body = cache.get(name);
  if (!body) {
    body = readFile(path.join(dashboardDir, name)).catch(() => null);
    cache.set(name, body);
  }
  const bytes = await body;
  if (!bytes) {
    cache.delete(name);
    return null;
  }
  return new ResponseClass(new Uint8Array(bytes), {
    headers: { 'content-type': type, 'cache-control': name === 'index.html' ? 'no-cache' : 'public, max-age=300' },
  });
}

// Dependencies point one way. Infrastructure (db/, net/, metrics/) knows no feature; the
// domains (etfs/, prices/, indicators/, …) know nothing of the GraphQL schema
// above them; the product never imports tests or benchmarks, nor the
// benchmarks the tests. Read from the import statements of every module.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';

function modules(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return name === 'generated' ? [] : modules(file);
    return /\.tsx?$/.test(name) ? [file] : [];
  });
}

/** The repository-relative files a module imports (relative imports only). */
function importsOf(file: string): string[] {
  const source = readFileSync(file, 'utf8');
  return [...source.matchAll(/(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)'/g)].map((match) =>
    path.normalize(path.join(path.dirname(file), match[1] as string)),
  );
}

const under = (file: string, ...dirs: string[]) => dirs.some((dir) => file === dir || file.startsWith(`${dir}/`));

function violations(from: string[], allowed: (target: string) => boolean): string[] {
  return from.flatMap((file) =>
    importsOf(file)
      .filter((target) => !allowed(target))
      .map((target) => `${file} → ${target}`),
  );
}

it('db/, net/ and metrics/ import no feature: only each other, the configuration and the generated client', () => {
  const infrastructure = [...modules('src/db'), ...modules('src/net'), ...modules('src/metrics')];
  expect(infrastructure.length).toBeGreaterThan(5);
  expect(
    violations(
      infrastructure,
      (target) => under(target, 'src/db', 'src/net', 'src/metrics', 'src/generated') || target === 'src/config.js',
    ),
  ).toEqual([]);
});

it('the domains never import the GraphQL schema or Yoga wiring above them', () => {
  const domains = [
    'etfs',
    'prices',
    'indicators',
    'corporate-actions',
    'auth',
    'users',
    'watchlist',
    'performance',
    'correlation',
    'screen',
    'ingest',
    'update',
    'demo',
  ];
  const files = domains.flatMap((domain) => modules(`src/${domain}`));
  expect(violations(files, (target) => !under(target, 'src/schema') && target !== 'src/yoga.js')).toEqual([]);
});

it('the product never imports tests or benchmarks, and the benchmarks never import the tests', () => {
  expect(violations(modules('src'), (target) => !under(target, 'test', 'bench'))).toEqual([]);
  expect(violations(modules('bench'), (target) => !under(target, 'test'))).toEqual([]);
});

// The README's layers, held: every module of src/ belongs to one layer and
// imports only from its own layer or those below it, and no chain of imports
// comes back to where it started (a cycle makes load order matter and hides
// which module owns what). The product never imports tests or benchmarks, nor
// the benchmarks the tests. Read from the import statements of every module,
// type-only imports included: a type that points upwards is a dependency too.
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

/** The repository-relative files a module imports (relative imports only), as `.ts` paths. */
function importsOf(file: string): string[] {
  const source = readFileSync(file, 'utf8');
  return [...source.matchAll(/(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)'/g)].map((match) =>
    path.normalize(path.join(path.dirname(file), match[1] as string)).replace(/\.js$/, '.ts'),
  );
}

/**
 * The layers, top first, as the README's Architecture section lists them: a
 * module may import from its own layer and those after it. Each entry is a
 * folder or a file of src/; a module in none of them fails the test, so a new
 * folder is placed on purpose.
 */
const LAYERS: { name: string; members: string[] }[] = [
  { name: 'process', members: ['server.ts', 'startup', 'cli', 'docs'] },
  { name: 'HTTP and GraphQL wiring', members: ['yoga.ts', 'http', 'graphql', 'cache'] },
  { name: 'schema', members: ['schema', 'builder.ts', 'cache-scope.ts', 'context.ts'] },
  {
    name: 'domains',
    members: [
      'etfs',
      'prices',
      'indicators',
      'corporate-actions',
      'performance',
      'correlation',
      'screen',
      'auth',
      'users',
      'watchlist',
      'jobs',
      'limits',
      'ingest',
      'update',
      'demo',
      'holdings',
      'alerts',
    ],
  },
  {
    name: 'infrastructure',
    members: [
      'db',
      'net',
      'metrics',
      'redis',
      'config',
      'config.ts',
      'logger.ts',
      'errors.ts',
      'error-catalogue.ts',
      'dates.ts',
      'env-file.ts',
    ],
  },
];

/** The browser's code: bundled apart, it imports nothing of the server but the codes it answers with. */
const DASHBOARD = 'src/dashboard';

const under = (file: string, ...dirs: string[]) => dirs.some((dir) => file === dir || file.startsWith(`${dir}/`));

function layerOf(file: string): number {
  return LAYERS.findIndex((layer) => layer.members.some((member) => under(file, `src/${member}`)));
}

const product = modules('src');

it('places every module of src/ in one layer', () => {
  const unplaced = product.filter((file) => !under(file, DASHBOARD) && layerOf(file) === -1);
  expect(unplaced).toEqual([]);
});

it('imports only from the same layer or those below it', () => {
  const upward = product
    .filter((file) => !under(file, DASHBOARD))
    .flatMap((file) =>
      importsOf(file)
        .filter((target) => under(target, 'src') && !under(target, 'src/generated'))
        .filter((target) => layerOf(target) < layerOf(file))
        .map((target) => `${file} (${LAYERS[layerOf(file)]?.name}) → ${target} (${LAYERS[layerOf(target)]?.name})`),
    );
  expect(upward).toEqual([]);
});

it('keeps the dashboard apart: it imports only its own modules and the error catalogue', () => {
  const dashboard = modules(DASHBOARD);
  expect(dashboard.length).toBeGreaterThan(5);
  const outside = dashboard.flatMap((file) =>
    importsOf(file)
      .filter((target) => !under(target, DASHBOARD) && target !== 'src/error-catalogue.ts')
      .map((target) => `${file} → ${target}`),
  );
  expect(outside).toEqual([]);
});

/** Every cycle of the import graph, one per strongly connected component (Tarjan). */
function importCycles(files: string[]): string[][] {
  const graph = new Map(files.map((file) => [file, importsOf(file).filter((target) => files.includes(target))]));
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (file: string) => {
    index.set(file, index.size);
    low.set(file, index.get(file) as number);
    stack.push(file);
    onStack.add(file);
    for (const target of graph.get(file) ?? []) {
      if (!index.has(target)) {
        visit(target);
        low.set(file, Math.min(low.get(file) as number, low.get(target) as number));
      } else if (onStack.has(target)) {
        low.set(file, Math.min(low.get(file) as number, index.get(target) as number));
      }
    }
    if (low.get(file) !== index.get(file)) return;
    const component: string[] = [];
    let member: string | undefined;
    do {
      member = stack.pop() as string;
      onStack.delete(member);
      component.push(member);
    } while (member !== file);
    // A module that imports itself is a cycle too.
    if (component.length > 1 || graph.get(file)?.includes(file)) cycles.push(component.sort());
  };
  for (const file of files) if (!index.has(file)) visit(file);
  return cycles;
}

it('has no import cycle', () => {
  expect(importCycles(product)).toEqual([]);
});

it('would catch a cycle: the detector finds one in a graph that has it', () => {
  // The control case: two modules of this test's fixtures that import each other.
  const fixtures = modules('test/fixtures/import-cycle');
  expect(importCycles(fixtures)).toEqual([fixtures.sort()]);
});

it('the product never imports tests or benchmarks, and the benchmarks never import the tests', () => {
  const violations = (files: string[], forbidden: string[]) =>
    files.flatMap((file) =>
      importsOf(file)
        .filter((target) => under(target, ...forbidden))
        .map((target) => `${file} → ${target}`),
    );
  expect(violations(product, ['test', 'bench'])).toEqual([]);
  expect(violations(modules('bench'), ['test'])).toEqual([]);
});

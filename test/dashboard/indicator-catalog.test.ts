// The dashboard bundles the indicator catalog as a generated module: it must
// be the catalog of these sources (`npm run codegen` rewrites it), and the
// panel must place every indicator in it.
import { readFile } from 'node:fs/promises';
import { expect, it } from 'vitest';
import { INDICATOR_CATALOG } from '../../src/dashboard/generated/indicator-catalog.js';
import { defaultChoice, paramProblem, paramsOf } from '../../src/dashboard/indicator-choice.js';
import { INDICATOR_NAMES, INDICATOR_UI } from '../../src/dashboard/indicator-groups.js';
import { browserCatalogModule } from '../../src/indicators/browser-catalog.js';
import { INDICATOR_NAMES as SERVER_NAMES } from '../../src/indicators/catalog.js';

it('is the catalog of these sources (else run npm run codegen)', async () => {
  const file = await readFile(new URL('../../src/dashboard/generated/indicator-catalog.ts', import.meta.url), 'utf8');
  expect(file).toBe(browserCatalogModule());
  expect(Object.keys(INDICATOR_CATALOG)).toEqual(SERVER_NAMES);
  expect(SERVER_NAMES).toHaveLength(41);
});

it('groups every indicator and gives each a default that fits its arguments', () => {
  expect(Object.keys(INDICATOR_UI).sort()).toEqual([...INDICATOR_NAMES].sort());
  for (const name of INDICATOR_NAMES) {
    const choice = defaultChoice(name);
    const problems = paramsOf(name).map((param, i) => paramProblem(param, choice.params[i] ?? Number.NaN));
    expect({ name, problems }).toEqual({ name, problems: problems.map(() => null) });
  }
});

// A screen's arguments are checked before any SQL: each refusal names the
// argument at fault, sends no statement and changes nothing. Hostile text is
// only ever a parameter: it matches nothing and harms nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScreenFilter, ScreenOrder } from '../gql/graphql.js';
import { graphql } from '../gql/index.js';
import { createEtfWithBars, snapshot } from '../helpers/fixtures.js';
import { execute, executeOk, executeText } from '../helpers/graphql-client.js';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database.js';

let t: TestDatabase;

beforeAll(async () => {
  t = await createTestDatabase();
  await createEtfWithBars(t.db, 'AAA', '2025-01-02', '2025-12-31');
  await createEtfWithBars(t.db, 'BBB', '2025-01-02', '2025-12-31');
});
afterAll(() => t.close());

const ScreenArguments = graphql(`
  query ScreenArguments($where: ScreenFilter!, $orderBy: [ScreenOrder!], $first: Int, $after: String) {
    screen(where: $where, orderBy: $orderBy, first: $first, after: $after) {
      totalCount
      edges { cursor node { ticker } }
    }
  }
`);

const nested = (levels: number): ScreenFilter =>
  levels === 1 ? { metric: 'CLOSE', gt: 1 } : { not: nested(levels - 1) };

type Variables = { where: ScreenFilter; orderBy?: ScreenOrder[]; first?: number; after?: string };

/** Refused with BAD_USER_INPUT naming `path`, before any statement, leaving the database as it was. */
async function expectRefused(variables: Variables, path: string, message?: RegExp) {
  const before = await snapshot(t.db);
  t.statements.length = 0;
  const result = await execute(t.app, ScreenArguments, variables);
  expect(t.statements).toEqual([]);
  expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  const problems = result.errors?.[0]?.extensions?.problems as { path: string; message: string }[];
  expect(problems.map((problem) => problem.path)).toContain(path);
  if (message) expect(result.errors?.[0]?.message).toMatch(message);
  expect(await snapshot(t.db)).toEqual(before);
}

describe('refusals, naming the argument', () => {
  it.each<[string, Variables, string, RegExp?]>([
    ['an empty and', { where: { and: [] } }, 'where.and', /must not be empty/],
    ['an empty or, nested', { where: { and: [{ metric: 'CLOSE', gt: 0 }, { or: [] }] } }, 'where.and[1].or'],
    ['a filter 6 levels deep', { where: nested(6) }, 'where.not.not.not.not.not', /deeper than 5 levels/],
    ['a comparison without a metric', { where: { lt: 5 } }, 'where.lt', /add the metric/],
    ['a metric without a comparison', { where: { metric: 'RSI_14' } }, 'where.metric', /nothing to compare/],
    ['a range upside down', { where: { metric: 'CLOSE', between: { min: 5, max: 3 } } }, 'where.between'],
    ['an empty attribute list', { where: { issuer: [] } }, 'where.issuer'],
    ['a page of 0', { where: {}, first: 0 }, 'first'],
    ['a page of 101', { where: {}, first: 101 }, 'first'],
    [
      'a key twice',
      { where: {}, orderBy: [{ metric: 'CLOSE' }, { metric: 'CLOSE', direction: 'DESC' }] },
      'orderBy[1].metric',
    ],
    ['a cursor that is no cursor', { where: {}, after: 'not a cursor' }, 'after'],
    [
      'too many conditions',
      { where: { and: Array.from({ length: 51 }, (_, i) => ({ metric: 'CLOSE', gt: i })) } },
      'where',
      /at most 50/,
    ],
    [
      'six sort keys',
      {
        where: {},
        orderBy: (['CLOSE', 'VOLUME', 'RSI_14', 'SMA_20', 'SMA_50', 'EMA_12'] as const).map((metric) => ({ metric })),
      },
      'orderBy',
    ],
  ])('%s', async (_name, variables, path, message) => {
    await expectRefused(variables, path, message);
  });

  it('five levels are allowed', async () => {
    const data = await executeOk(t.app, ScreenArguments, { where: nested(5) });
    // Four nots around close > 1: both ETFs.
    expect(data.screen.totalCount).toBe(2);
  });

  it('a cursor from another order is refused', async () => {
    const page = await executeOk(t.app, ScreenArguments, { where: {}, orderBy: [{ metric: 'CLOSE' }], first: 1 });
    const cursor = page.screen.edges[0]?.cursor as string;
    await expectRefused({ where: {}, orderBy: [{ metric: 'RSI_14' }], after: cursor }, 'after', /another orderBy/);
  });

  it('an unknown metric is refused by the schema, naming the argument and the value', async () => {
    const literal = await executeText(t.app, '{ screen(where: { metric: RSI_15, lt: 30 }) { totalCount } }');
    expect(literal.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(literal.errors?.[0]?.message).toMatch(/RSI_15.*ScreenMetric|ScreenMetric.*RSI_15/);
    const variable = await executeText(t.app, 'query($w: ScreenFilter!) { screen(where: $w) { totalCount } }', {
      w: { metric: 'RSI_15', lt: 30 },
    });
    expect(variable.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    // graphql-js names the path inside the variable, and suggests RSI_14.
    expect(variable.errors?.[0]?.message).toMatch(/"w\.metric".*RSI_14/);
    expect(variable.errors?.[0]?.message).toMatch(/RSI_15/);
  });

  it('a number that is not finite is refused', async () => {
    const result = await executeText(t.app, '{ screen(where: { metric: CLOSE, lt: 1e400 }) { totalCount } }');
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.message).toMatch(/where\.lt: must be a finite number/);
  });
});

describe('hostile input', () => {
  it('SQL in attribute values is data: it matches nothing and changes nothing', async () => {
    const before = await snapshot(t.db);
    const data = await executeOk(t.app, ScreenArguments, {
      where: {
        or: [
          { issuer: ["x') OR 1=1; DROP TABLE etf; --", "' OR ''='"] },
          { currency: ["usd'; DELETE FROM daily_price; --"] },
        ],
      },
    });
    expect(data.screen.totalCount).toBe(0);
    expect(await snapshot(t.db)).toEqual(before);
  });

  it('a forged cursor is only parameters', async () => {
    const before = await snapshot(t.db);
    const forged = Buffer.from(JSON.stringify({ o: 'CLOSE+', v: [1e308], t: "'; DROP TABLE etf; --" })).toString(
      'base64url',
    );
    const data = await executeOk(t.app, ScreenArguments, { where: {}, orderBy: [{ metric: 'CLOSE' }], after: forged });
    expect(data.screen.edges).toEqual([]);
    expect(await snapshot(t.db)).toEqual(before);
  });
});

// The response cache is no side door: a response is served only to callers
// whose own limits admit the request, and a plain-SQL change to any table a
// response read (stored indicators, latest figures) evicts it.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createEtfWithBars } from '../helpers/fixtures.js';
import { bearer, executeText } from '../helpers/graphql-client.js';
import { ADMIN_KEY, createTestDatabase, type TestDatabase } from '../helpers/test-database.js';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
  await createEtfWithBars(t.db, 'SDA', '2024-01-02', '2024-06-28');
  for (let i = 0; i < 200 && !t.db.isListening(); i++) await new Promise((resolve) => setTimeout(resolve, 25));
});
afterAll(() => t.close());

/** A query and the statements it sent to PostgreSQL. */
async function ask(query: string, headers: Record<string, string> = {}) {
  t.statements.length = 0;
  const response = await executeText(t.app, query, undefined, headers);
  return { response, statements: [...t.statements] };
}

const settled = () => new Promise((resolve) => setTimeout(resolve, 50));

it('refuses an anonymous caller the full history a keyed caller had cached', async () => {
  // No window: three ETFs costed at every day back to 1900 (3 × ~46,000 bars),
  // above the anonymous limit (100,000) and within the keyed one (400,000).
  const query = '{ etfsByTicker(tickers: ["SDA", "SDB", "SDC"]) { prices { date close } } }';
  const keyed = await ask(query, bearer(ADMIN_KEY));
  expect(keyed.response.errors).toBeUndefined();
  expect((await ask(query, bearer(ADMIN_KEY))).statements).toEqual([]); // the control: it is cached
  const anonymous = await ask(query);
  expect(anonymous.response.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COSTLY');
  expect(anonymous.response.data ?? null).toBeNull();
});

it('evicts on a plain-SQL change to stored indicators', async () => {
  const query = '{ etf(ticker: "SDA") { indicators(last: 1) { rsi { value } } } }';
  const before = await ask(query);
  expect((await ask(query)).statements).toEqual([]);
  await t.db.pool.query(
    `UPDATE daily_indicator SET rsi_14 = 12.5
     WHERE etf_id = (SELECT id FROM etf WHERE ticker = 'SDA') AND NOT adjusted
       AND date = (SELECT max(date) FROM daily_indicator WHERE etf_id = (SELECT id FROM etf WHERE ticker = 'SDA'))`,
  );
  await settled();
  const after = await ask(query);
  expect(after.statements.length).toBeGreaterThan(0);
  expect(after.response).not.toEqual(before.response);
  expect(JSON.stringify(after.response)).toContain('12.5');
});

it('evicts on a plain-SQL change to the latest figures', async () => {
  const query = '{ etf(ticker: "SDA") { performance { return1D } } }';
  await ask(query);
  expect((await ask(query)).statements).toEqual([]);
  await t.db.pool.query(
    `UPDATE latest_metrics SET return_1d = 0.25 WHERE etf_id = (SELECT id FROM etf WHERE ticker = 'SDA')`,
  );
  await settled();
  const after = await ask(query);
  expect(after.statements.length).toBeGreaterThan(0);
  expect(after.response.data).toEqual({ etf: { performance: { return1D: 0.25 } } });
});

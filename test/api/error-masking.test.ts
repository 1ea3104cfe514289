// Unexpected errors are masked: no SQL, stack or internal message reaches a client.
import { expect, it } from 'vitest';
import { executeText } from '../helpers/graphql-client.js';
import { createTestDatabase } from '../helpers/test-database.js';

it('masks unexpected errors: no SQL, stack or internal message reaches the client', async () => {
  const broken = await createTestDatabase();
  await broken.db.pool.query('DROP TABLE daily_price CASCADE');
  try {
    const response = await broken.app.fetch('http://etfql.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: '{ etfsByTicker(tickers: ["SPY"]) { ticker } etfs { edges { node { prices(last: 1) { close } } } } }',
      }),
    });
    const text = await response.text();
    expect(text).not.toMatch(/daily_price|relation|SELECT|at .*\.ts/);
    await broken.db.prisma.etf.create({ data: { ticker: 'X', name: 'X' } });
    const failing = await executeText(broken.app, '{ etf(ticker: "X") { prices(last: 1) { close } } }');
    expect(failing.errors?.[0]).toMatchObject({
      message: 'Unexpected error.',
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
    expect(JSON.stringify(failing)).not.toMatch(/daily_price|does not exist/);
  } finally {
    await broken.close();
  }
});

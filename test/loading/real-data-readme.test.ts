// The README's "Real data" section, run: each provider's cron line, with its
// own settings (PRICE_SOURCE and PRICE_SOURCE_KEY as written there), against a
// stand-in for that provider on 127.0.0.1 (PRICE_SOURCE_BASE_URL, the one
// setting the README says replaces the provider's origin) that answers in the
// provider's documented format: every line loads the new bars of an ETF, and
// says so. The providers' own behaviour is tested in provider-<name>.test.ts.
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { syntheticBars, tradingDays } from '../../src/demo/synthetic-bars.js';
import { loadPrices } from '../../src/prices/load-prices.js';
import { runCli } from '../helpers/cli-run.js';
import { createEtf } from '../helpers/fixtures.js';
import { storedBars } from '../helpers/stored-indicators.js';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database.js';

const README = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const section = README.slice(README.indexOf('### Real data'), README.indexOf('\n## ', README.indexOf('### Real data')));
/** Each cron block's command: its settings and the npm script it runs. */
const lines = [...section.matchAll(/```cron\n(?:#.*\n)*(.*)\n```/g)].map((match) => match[1] as string);

const days = tradingDays('2024-09-02', '2024-12-31');
const bars = syntheticBars('READ', days, { start: 40, drift: 0.05, volatility: 0.2, volume: 1e5 });
const NEW = 3;

/** What each provider's stand-in answers for READ: its documented format, the whole history. */
function answer(url: URL): { type: string; body: string } | null {
  const csvRow = (values: unknown[]) => values.join(',');
  if (/^\/tiingo\/daily\/read\/prices$/i.test(url.pathname)) {
    const rows = bars.map((b) => csvRow([b.date, b.close, b.high, b.low, b.open, b.volume, b.close, 0, 0, 0, 0, 0, 1]));
    return {
      type: 'text/csv',
      body: `date,close,high,low,open,volume,adjClose,adjHigh,adjLow,adjOpen,adjVolume,divCash,splitFactor\n${rows.join('\n')}\n`,
    };
  }
  if (url.pathname === '/query' && url.searchParams.get('symbol')?.toUpperCase() === 'READ') {
    const rows = [...bars]
      .reverse() // newest first, as Alpha Vantage answers
      .map((b) => csvRow([b.date, b.open, b.high, b.low, b.close, b.close, b.volume, '0.0000', '1.0']));
    return {
      type: 'text/csv',
      body: `timestamp,open,high,low,close,adjusted_close,volume,dividend_amount,split_coefficient\n${rows.join('\n')}\n`,
    };
  }
  if (url.pathname === '/api/eod/READ.US') {
    return {
      type: 'application/json',
      body: JSON.stringify(bars.map((b) => ({ ...b, adjusted_close: b.close }))),
    };
  }
  if (url.pathname === '/api/splits/READ.US' || url.pathname === '/api/div/READ.US') {
    return { type: 'application/json', body: '[]' };
  }
  return null;
}

let t: TestDatabase;
let server: Server;
let origin: string;
beforeAll(async () => {
  t = await createTestDatabase();
  server = createServer((request, response) => {
    const found = answer(new URL(request.url ?? '/', 'http://stand-in'));
    if (found) response.writeHead(200, { 'content-type': found.type }).end(found.body);
    else response.writeHead(404, { 'content-type': 'application/json' }).end('{"detail":"Not found."}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  server.close();
  await t.close();
});

it('has a cron line for every provider it lists', () => {
  const sources = lines.map((line) => /PRICE_SOURCE=(\w+)/.exec(line)?.[1]);
  expect(sources).toEqual(expect.arrayContaining(['tiingo', 'alphavantage', 'eodhd']));
});

it.each(lines.filter((line) => line.includes('PRICE_SOURCE=')))('runs: %s', async (line) => {
  // A fresh ETF each time, its last days new to the provider.
  await t.db.pool.query("DELETE FROM etf WHERE ticker = 'READ'");
  await createEtf(t.db, 'READ');
  await loadPrices(t.db, 'READ', bars.slice(0, -NEW));
  const settings = Object.fromEntries(
    [...line.matchAll(/\b(PRICE_SOURCE\w*)=(\S+)/g)].map((match) => [match[1] as string, match[2] as string]),
  );
  expect(line).toMatch(/npm run --silent update\b/);
  const run = await runCli('update', [], {
    ...settings,
    DATABASE_URL: t.url,
    PRICE_SOURCE_BASE_URL: origin,
    PRICE_SOURCE_TIMEOUT_MS: '5000',
  });
  expect(run.stderr).toBe('');
  expect(run.stdout).toContain(`READ: ${NEW} new bars (${days.at(-NEW)} to ${days.at(-1)})`);
  expect(run.code).toBe(0);
  expect(await storedBars(t.db, 'READ')).toEqual(bars);
});

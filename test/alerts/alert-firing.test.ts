// When alerts fire, against bars written here and the rule computed here: on
// a bar where the condition holds while it did not on the ETF's bar before (a
// crossing), never while it merely stays true (a level); once per alert, ETF
// and bar however often that bar is loaded again, and with two workers at it;
// not for a backfill unless the alert asks; with the values the screen
// reports for that bar.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queueAlertEvaluation } from '../../src/alerts/evaluate-alerts.js';
import { withTransaction } from '../../src/db/transaction.js';
import { runDueJobs, startJobWorker } from '../../src/jobs/worker.js';
import { loadPrices } from '../../src/prices/load-prices.js';
import { createEtf } from '../helpers/fixtures.js';
import { bearer, executeText } from '../helpers/graphql-client.js';
import { ADMIN_KEY, createTestDatabase, type TestDatabase } from '../helpers/test-database.js';

let t: TestDatabase;

/** Weekdays from a date on. */
function weekdays(from: string, count: number): string[] {
  const days: string[] = [];
  for (let day = new Date(`${from}T00:00:00Z`); days.length < count; day = new Date(day.getTime() + 86_400_000)) {
    if (day.getUTCDay() !== 0 && day.getUTCDay() !== 6) days.push(day.toISOString().slice(0, 10));
  }
  return days;
}
const bar = (date: string, close: number) => ({
  date,
  open: close,
  high: close + 1,
  low: close - 1,
  close,
  volume: 1000,
});

const DAYS = weekdays('2025-01-06', 80);
async function load(ticker: string, bars: { date: string; close: number }[]) {
  await loadPrices(
    t.db,
    ticker,
    bars.map((b) => bar(b.date, b.close)),
  );
  await runDueJobs(t.db.pool);
}

async function events(alertId: string) {
  const { rows } = await t.db.pool.query<{ ticker: string; date: string; values: Record<string, number> }>(
    `SELECT e.ticker, ev.date::text AS date, ev.values FROM alert_event ev JOIN etf e ON e.id = ev.etf_id
     WHERE ev.alert_id = $1 ORDER BY ev.date, e.ticker`,
    [alertId],
  );
  return rows;
}

async function createAlert(input: Record<string, unknown>): Promise<string> {
  const result = await executeText(
    t.app,
    'mutation($input: CreateAlertInput!) { createAlert(input: $input) { alert { id } } }',
    { input },
    bearer(ADMIN_KEY),
  );
  expect(result.errors).toBeUndefined();
  return (result.data?.createAlert as { alert: { id: string } } | undefined)?.alert.id ?? '';
}

beforeAll(async () => {
  t = await createTestDatabase();
  for (const ticker of ['CRS', 'LVL', 'OTH']) await createEtf(t.db, ticker);
  // Thirty bars under 100 for CRS; LVL already above it.
  await load(
    'CRS',
    DAYS.slice(0, 30).map((date) => ({ date, close: 90 })),
  );
  await load(
    'LVL',
    DAYS.slice(0, 30).map((date) => ({ date, close: 120 })),
  );
  await load(
    'OTH',
    DAYS.slice(0, 30).map((date) => ({ date, close: 50 })),
  );
}, 60_000);
afterAll(() => t.close());

describe('crossings', () => {
  let alert: string;
  beforeAll(async () => {
    alert = await createAlert({ name: 'close above 100', when: { metric: 'CLOSE', gt: 100 }, tickers: ['CRS', 'LVL'] });
  });

  it('fires on the bar that crosses, not on a level it found or that stays', async () => {
    await load('LVL', [{ date: DAYS[30] as string, close: 121 }]); // still above: a level
    await load('CRS', [{ date: DAYS[30] as string, close: 105 }]); // crosses
    await load('CRS', [{ date: DAYS[31] as string, close: 106 }]); // stays above
    expect(await events(alert)).toEqual([{ ticker: 'CRS', date: DAYS[30], values: { CLOSE: 105 } }]);
  });

  it('fires again after the condition stopped holding, and never for an ETF it does not watch', async () => {
    await load('CRS', [{ date: DAYS[32] as string, close: 95 }]);
    await load('CRS', [{ date: DAYS[33] as string, close: 101 }]);
    await load('OTH', [{ date: DAYS[30] as string, close: 500 }]);
    expect((await events(alert)).map((e) => e.date)).toEqual([DAYS[30], DAYS[33]]);
  });

  it('fires once per bar, however often it is loaded again, changed or not', async () => {
    await load('CRS', [{ date: DAYS[33] as string, close: 101 }]);
    await load('CRS', [{ date: DAYS[33] as string, close: 102 }]);
    await load('CRS', [{ date: DAYS[33] as string, close: 101.5 }]);
    expect((await events(alert)).map((e) => e.date)).toEqual([DAYS[30], DAYS[33]]);
  });

  it('judges a changed last bar against the bar before it', async () => {
    // DAYS[34] lands under 100, then is corrected above it: DAYS[33] was above, so no crossing.
    await load('CRS', [{ date: DAYS[34] as string, close: 99 }]);
    await load('CRS', [{ date: DAYS[34] as string, close: 103 }]);
    expect((await events(alert)).map((e) => e.date)).toEqual([DAYS[30], DAYS[33]]);
  });

  it('fires once with two workers evaluating the same write at once', async () => {
    await loadPrices(t.db, 'CRS', [bar(DAYS[35] as string, 90), bar(DAYS[36] as string, 110)]);
    // The same write announced twice more, for two workers to race over.
    await withTransaction(t.db.pool, async (client) => {
      const etfId = (await client.query<{ id: number }>("SELECT id FROM etf WHERE ticker = 'CRS'")).rows[0]
        ?.id as number;
      await queueAlertEvaluation(client, [{ etfId, from: DAYS[35] as string, to: DAYS[36] as string }]);
      await queueAlertEvaluation(client, [{ etfId, from: DAYS[35] as string, to: DAYS[36] as string }]);
    });
    const workers = await Promise.all([1, 2].map(() => startJobWorker(t.db.pool, { concurrency: 2 })));
    try {
      for (let i = 0; i < 100; i++) {
        const { rows } = await t.db.pool.query<{ n: number }>(
          "SELECT count(*)::int AS n FROM graphile_worker.jobs WHERE task_identifier = 'evaluate-alerts'",
        );
        if (rows[0]?.n === 0) break;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    } finally {
      await Promise.all(workers.map((worker) => worker.stop()));
    }
    expect((await events(alert)).map((e) => e.date)).toEqual([DAYS[30], DAYS[33], DAYS[36]]);
  });
});

describe('backfills', () => {
  it('do not fire years of events unless the alert asks, and then only for crossings', async () => {
    await createEtf(t.db, 'BKF');
    await load(
      'BKF',
      DAYS.slice(40, 60).map((date) => ({ date, close: 50 })),
    );
    const quiet = await createAlert({ name: 'quiet', when: { metric: 'CLOSE', gt: 100 }, tickers: ['BKF'] });
    const loud = await createAlert({
      name: 'loud',
      when: { metric: 'CLOSE', gt: 100 },
      tickers: ['BKF'],
      fireOnBackfill: true,
    });
    // An older stretch loaded afterwards: above 100 from its 5th bar to its 9th, crossing once.
    const older = DAYS.slice(20, 40).map((date, i) => ({ date, close: i >= 4 && i < 9 ? 150 : 50 }));
    await load('BKF', older);
    expect(await events(quiet)).toEqual([]);
    expect((await events(loud)).map((e) => e.date)).toEqual([DAYS[24]]);
  });

  it('do not fire on the first bars an ETF gets: its history is judged, not news', async () => {
    await createEtf(t.db, 'NEW');
    const alert = await createAlert({ name: 'any', when: { metric: 'CLOSE', gt: 100 } });
    await load(
      'NEW',
      DAYS.slice(0, 10).map((date, i) => ({ date, close: i % 2 === 0 ? 150 : 50 })),
    );
    expect((await events(alert)).filter((e) => e.ticker === 'NEW')).toEqual([]);
    await load('NEW', [{ date: DAYS[10] as string, close: 50 }]);
    await load('NEW', [{ date: DAYS[11] as string, close: 150 }]);
    expect((await events(alert)).filter((e) => e.ticker === 'NEW').map((e) => e.date)).toEqual([DAYS[11]]);
  });
});

it('takes its values from the screen: an event’s values are what screen reports for that bar', async () => {
  await createEtf(t.db, 'SCR');
  await load(
    'SCR',
    DAYS.slice(0, 60).map((date, i) => ({ date, close: 100 + Math.sin(i / 3) * 2 })),
  );
  const alert = await createAlert({
    name: 'rsi',
    when: {
      and: [
        { metric: 'RSI_14', gt: 50 },
        { metric: 'CLOSE', gtMetric: 'SMA_20' },
      ],
    },
    tickers: ['SCR'],
  });
  // A drop under the 20-day average, then a jump above it with the RSI above 50.
  await load('SCR', [{ date: DAYS[60] as string, close: 90 }]);
  await load('SCR', [{ date: DAYS[61] as string, close: 115 }]);
  const fired = await events(alert);
  expect(fired.map((e) => e.date)).toEqual([DAYS[61]]);
  const event = fired[0] as { date: string; values: Record<string, number> };
  const judged = await executeText(
    t.app,
    `query($asOf: Date) { screen(where: { and: [{ metric: RSI_14, gt: 50 }, { metric: CLOSE, gtMetric: SMA_20 }] }, asOf: $asOf) {
      edges { node { ticker } date values { metric value } } } }`,
    { asOf: event.date },
  );
  const edge = (
    (judged.data as Record<string, unknown>).screen as {
      edges: { node: { ticker: string }; date: string; values: { metric: string; value: number }[] }[];
    }
  ).edges.find((e) => e.node.ticker === 'SCR');
  expect(edge?.date).toBe(event.date);
  expect(Object.fromEntries(edge?.values.map((v) => [v.metric, v.value]) ?? [])).toEqual(event.values);
});

// The alerts benchmark's data: 500 ETFs with 1,000 days of bars (four years)
// and their stored indicators, copied as a template into a twin database that
// never gets an alert; then, in the first, 1,000 alerts of varied conditions
// owned by a few users and API keys, a handful with a webhook.
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import pino from 'pino';
import { createAlert, type Owner } from '../src/alerts/alert-store.js';
import { evaluateAlerts } from '../src/alerts/evaluate-alerts.js';
import { generateApiKeySecret, hashSecret, visiblePrefix } from '../src/auth/api-keys.js';
import { loadConfig } from '../src/config.js';
import { createDatabase } from '../src/db/database.js';
import { prng, syntheticBars, tradingDays } from '../src/demo/synthetic-bars.js';
import { queueLaggingRefreshes } from '../src/indicators/stored/keep-current.js';
import { runDueJobs } from '../src/jobs/worker.js';
import { parseScreen, type ScreenFilterInput } from '../src/screen/screen-filter.js';
import { prepareDatabase } from '../src/startup/prepare-database.js';

export const ALERT_ETFS = 500;
export const ALERT_HISTORY_DAYS = 1000;
export const ALERT_COUNT = 1000;
/** Alerts with a webhook, each on one ticker of its own: the webhook row's writes make them cross. */
export const WEBHOOK_ALERTS = 5;
/** Alerts on every ETF; the others watch 1 to 20 tickers. */
export const ALL_ETF_ALERTS = 30;
export const OWNERS = { users: 3, apiKeys: 2 };

export const tickers = Array.from({ length: ALERT_ETFS }, (_, i) => `AL${String(i).padStart(3, '0')}`);
/** The webhook alerts' tickers: the last few, watched by no other ticker-scoped alert. */
export const webhookTickers = tickers.slice(-WEBHOOK_ALERTS);

export const barsOf = (ticker: string, dates: readonly string[]) =>
  syntheticBars(ticker, dates, { start: 50, drift: 0.05, volatility: 0.25, volume: 1e6 });

/** The history, then the days the rounds append (one each) and the webhook row's writes. */
export const calendar = () => {
  const all = tradingDays('2019-01-01', '2030-12-31');
  return { history: all.slice(0, ALERT_HISTORY_DAYS), later: all.slice(ALERT_HISTORY_DAYS) };
};

/** A database of this name, migrated (dropped first when it exists). */
async function recreate(adminUrl: string, name: string, template?: string): Promise<string> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ''}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function dropDatabases(adminUrl: string, names: readonly string[]): Promise<void> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  for (const name of names) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
}

/** The ETFs and their history with stored indicators current, in `name`, and the same in `twin`. */
export async function prepareBars(adminUrl: string, name: string, twin: string): Promise<string[]> {
  const url = await recreate(adminUrl, name);
  const config = loadConfig({ DATABASE_URL: url, SEED_DEMO: 'false' });
  // Errors only: it has no administrator, and needs none.
  const db = await prepareDatabase(url, config, pino({ level: 'error' }));
  const { history } = calendar();
  try {
    const { rows } = await db.pool.query<{ id: number; ticker: string }>(
      "INSERT INTO etf (ticker, name, updated_at) SELECT t, t || ' Alert Fund', now() FROM unnest($1::text[]) t RETURNING id, ticker",
      [tickers],
    );
    const client = await db.pool.connect();
    try {
      const chunks = rows.map(({ id, ticker }) =>
        barsOf(ticker, history)
          .map((b) => `${id}\t${b.date}\t${b.open}\t${b.high}\t${b.low}\t${b.close}\t${b.volume}\n`)
          .join(''),
      );
      await pipeline(
        Readable.from(chunks),
        client.query(copyFrom('COPY daily_price (etf_id, date, open, high, low, close, volume) FROM STDIN')),
      );
    } finally {
      client.release();
    }
    await queueLaggingRefreshes(db.pool);
    await runDueJobs(db.pool);
    await db.pool.query('VACUUM ANALYZE');
  } finally {
    await db.close();
  }
  // The twin: the same bars, no alert ever (so no update of it queues an evaluation).
  const twinUrl = await recreate(adminUrl, twin, name);
  return [url, twinUrl];
}

type Rule = (pick: () => number) => ScreenFilterInput;
const between = (pick: () => number, low: number, high: number, step = 1) =>
  Math.round((low + pick() * (high - low)) / step) * step;

/** Conditions as people write them: levels, crossings of averages, returns, volatility, and mixes. */
const RULES: Rule[] = [
  (p) => ({ metric: 'RSI_14', gt: between(p, 65, 80) }),
  (p) => ({ metric: 'RSI_14', lt: between(p, 20, 35) }),
  () => ({ metric: 'CLOSE', gtMetric: 'SMA_50' }),
  () => ({ metric: 'CLOSE', ltMetric: 'SMA_50' }),
  () => ({ metric: 'CLOSE', ltMetric: 'SMA_200' }),
  () => ({ metric: 'SMA_50', gtMetric: 'SMA_200' }),
  () => ({ metric: 'MACD', gtMetric: 'MACD_SIGNAL' }),
  (p) => ({ metric: 'RETURN_1D', lt: -between(p, 0.015, 0.04, 0.005) }),
  (p) => ({ metric: 'RETURN_1D', gt: between(p, 0.015, 0.04, 0.005) }),
  (p) => ({ metric: 'RETURN_1M', gt: between(p, 0.04, 0.1, 0.01) }),
  (p) => ({ metric: 'RETURN_1W', lt: -between(p, 0.02, 0.06, 0.01) }),
  (p) => ({ metric: 'VOLATILITY_1Y', gt: between(p, 0.22, 0.3, 0.01) }),
  (p) => ({ metric: 'FROM_HIGH_52W', lt: -between(p, 0.05, 0.2, 0.05) }),
  (p) => ({
    and: [
      { metric: 'RSI_14', lt: between(p, 25, 40) },
      { metric: 'CLOSE', gtMetric: 'SMA_200' },
    ],
  }),
  (p) => ({
    or: [
      { metric: 'RETURN_1D', lt: -0.03 },
      { metric: 'RSI_14', lt: between(p, 20, 30) },
    ],
  }),
  () => ({ not: { metric: 'CLOSE', gtMetric: 'SMA_50' } }),
  (p) => ({
    and: [
      { not: { metric: 'CLOSE', ltMetric: 'BOLLINGER_LOWER' } },
      { metric: 'VOLATILITY_1Y', between: { min: 0.1, max: between(p, 0.25, 0.4, 0.05) } },
      {
        or: [
          { metric: 'RSI_14', gt: 55 },
          { metric: 'RETURN_1W', gt: 0.01 },
        ],
      },
    ],
  }),
  (p) => ({
    and: [
      { metric: 'CLOSE', gtMetric: 'SMA_20' },
      { metric: 'SMA_20', gtMetric: 'SMA_50' },
      { metric: 'VOLUME', gtMetric: 'AVERAGE_VOLUME_20' },
      { metric: 'RETURN_3M', gt: between(p, 0, 0.05, 0.01) },
    ],
  }),
];

export type WebhookAlert = { alertId: number; ticker: string; secret: string; level: number };
export type AlertSet = {
  webhooks: WebhookAlert[];
  /** Alerts by how many tickers they watch: 'all', or the count. */
  scopes: { all: number; one: number; twoToFive: number; sixToTwenty: number };
  setupSeconds: number;
};

/**
 * The alerts, made with the store's createAlert (as the mutation does, the
 * per-owner limit raised), and then their state: one evaluation of every
 * ETF's latest bar, which marks each ETF at it and keeps what held there
 * without firing, as each creation's seeding would have left it.
 */
export async function createAlerts(url: string, receiverUrl: string): Promise<AlertSet> {
  const started = performance.now();
  const db = createDatabase(url, { poolSize: 4 });
  try {
    const owners: Owner[] = [];
    for (let i = 0; i < OWNERS.users; i++) {
      const { rows } = await db.pool.query<{ id: number }>(
        `INSERT INTO app_user (email, name, password_hash, role, updated_at)
         VALUES ($1, $2, 'not a password hash: never signs in', 'VIEWER', now()) RETURNING id`,
        [`alerts${i}@example.com`, `Alerts ${i}`],
      );
      owners.push({ userId: (rows[0] as { id: number }).id, apiKeyId: null, admin: false });
    }
    for (let i = 0; i < OWNERS.apiKeys; i++) {
      const secret = generateApiKeySecret();
      const { rows } = await db.pool.query<{ id: number }>(
        "INSERT INTO api_key (name, prefix, hash, role) VALUES ($1, $2, $3, 'VIEWER') RETURNING id",
        [`alerts ${i}`, visiblePrefix(secret), hashSecret(secret)],
      );
      owners.push({ userId: null, apiKeyId: (rows[0] as { id: number }).id, admin: false });
    }
    const { rows: etfs } = await db.pool.query<{ id: number; ticker: string }>('SELECT id, ticker FROM etf');
    const idOf = new Map(etfs.map((e) => [e.ticker, e.id]));
    const scoped = tickers.filter((t) => !webhookTickers.includes(t));
    const pick = prng(20_240_601);
    const scopes = { all: 0, one: 0, twoToFive: 0, sixToTwenty: 0 };
    const webhooks: WebhookAlert[] = [];
    for (let i = 0; i < ALERT_COUNT; i++) {
      const owner = owners[i % owners.length] as Owner;
      const base = { fireOnBackfill: false, webhookUrl: null as string | null };
      if (i < WEBHOOK_ALERTS) {
        // A breakout above a level 25 % over the last close: the webhook row's writes cross it.
        const ticker = webhookTickers[i] as string;
        const last = barsOf(ticker, calendar().history).at(-1)?.close as number;
        const level = Math.round(last * 1.25 * 100) / 100;
        const secret = `whsec_bench_${i}_${Math.floor(pick() * 1e12)}`;
        const alertId = await createAlert(
          db.pool,
          owner,
          {
            ...base,
            name: `${ticker} breaks out above ${level}`,
            condition: { metric: 'CLOSE', gt: level },
            etfIds: [idOf.get(ticker) as number],
            webhookUrl: `${receiverUrl}/hooks/${i}`,
          },
          secret,
          ALERT_COUNT,
        );
        webhooks.push({ alertId, ticker, secret, level });
        scopes.one++;
        continue;
      }
      const rule = RULES[Math.floor(pick() * RULES.length)] as Rule;
      let etfIds: number[] | null = null;
      if (i < WEBHOOK_ALERTS + ALL_ETF_ALERTS) scopes.all++;
      else {
        // Mostly a few tickers: a watchlist's alert is on one or a handful.
        const roll = pick();
        const count = roll < 0.45 ? 1 : roll < 0.8 ? between(pick, 2, 5) : between(pick, 6, 20);
        if (count === 1) scopes.one++;
        else if (count <= 5) scopes.twoToFive++;
        else scopes.sixToTwenty++;
        const chosen = new Set<number>();
        while (chosen.size < count)
          chosen.add(idOf.get(scoped[Math.floor(pick() * scoped.length)] as string) as number);
        etfIds = [...chosen];
      }
      // The store takes what the mutation has checked: checked here the same way.
      const condition = rule(pick);
      const problems = parseScreen(condition, null).problems;
      if (problems.length > 0) throw new Error(`alert ${i}: ${JSON.stringify(problems)}`);
      await createAlert(db.pool, owner, { ...base, name: `alert ${i}`, condition, etfIds }, null, ALERT_COUNT);
    }
    const last = calendar().history.at(-1) as string;
    await evaluateAlerts(db.pool, { etfIds: etfs.map((e) => e.id), from: last, to: last });
    await db.pool.query('VACUUM ANALYZE');
    return { webhooks, scopes, setupSeconds: (performance.now() - started) / 1000 };
  } finally {
    await db.close();
  }
}

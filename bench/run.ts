// npm run bench: every workload the issues name, each against its floor in the
// same run, alternating rounds so that a noisy neighbour hurts both sides alike.
// Reports medians over the rounds and the ratios to the floor.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import pino from 'pino';
import { generateApiKeySecret, hashSecret, visiblePrefix } from '../src/auth/api-keys.js';
import { createAuthenticator } from '../src/auth/authenticate.js';
import { hashPassword } from '../src/auth/passwords.js';
import { createTokenService } from '../src/auth/tokens.js';
import { loadConfig } from '../src/config.js';
import { startEmbeddedPostgres } from '../src/db/embedded-postgres.js';
import { buildDashboard } from '../src/http/dashboard-assets.js';
import { freePort } from '../src/net/ports.js';
import { prepareDatabase } from '../src/startup/prepare-database.js';
import { benchAlerts } from './alerts.js';
import { ALERT_COUNT, ALERT_ETFS, ALERT_HISTORY_DAYS } from './alerts-data.js';
import { benchAnalytics } from './analytics.js';
import { ANALYTICS_ETFS, ANALYTICS_YEARS } from './analytics-workload.js';
import { benchCharts, type ChartPorts, type ChartResults, createHistoryEtfs, floorOf, medianOf } from './chart.js';
import { MIX_POPULATION, MIX_SHAPE, NEVER_SEEN } from './chart-mix.js';
import { CHART_BARS, CHART_TICKERS, chartBodies } from './chart-workload.js';
import { measureDrawing } from './dashboard-draw.js';
import { benchHoldings, medianOf as holdingsMedian } from './holdings.js';
import { LARGE_ETFS, LARGE_POSITIONS, LOOK_THROUGH_FIRST, PORTFOLIO } from './holdings-workload.js';
import { DAYS, makeCandles, makeSeries, PEER_LABELS, runOurs, runPeer, SERIES, WORKLOADS } from './kernels.js';
import { benchBigFile, benchLoading } from './loading.js';
import { type Measurement, measure, median } from './measure.js';
import { startPostGraphilePeer } from './postgraphile-peer.js';
import { benchScaleOut } from './scale-out.js';
import { benchStartup } from './startup.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const AUTH_ROUNDS = Math.max(3, ROUNDS * 3);

type Row = [string, ...(number | string)[]];
const print = (title: string, header: string[], rows: Row[]) => {
  process.stdout.write(`\n${title}\n`);
  for (const row of [header as Row, ...rows]) {
    const cells = row.map((cell, i) =>
      typeof cell !== 'number'
        ? String(cell)
        : Number.isNaN(cell)
          ? '—'
          : header[i]?.startsWith('ratio')
            ? `${cell.toFixed(2)}×`
            : cell.toFixed(1),
    );
    // The target, last, is text: left-aligned after the numbers.
    const hasTarget = header.at(-1) === 'target';
    const numbers = cells.slice(1, hasTarget ? -1 : undefined);
    process.stdout.write(
      `${(cells[0] as string).padEnd(38)}${numbers.map((c) => c.padStart(16)).join('')}${hasTarget ? `   ${cells.at(-1)}` : ''}\n`,
    );
  }
};

const ratio = (a: number, b: number) => (Number.isFinite(a / b) ? a / b : Number.NaN);
/** A row comparing two sides of one measure, for tables headed ['', A, B, '', 'ratio', '', 'target']. */
const paired = (label: string, a: number, b: number, target = ''): Row => [label, a, b, '', ratio(a, b), '', target];

/** The chart tables: each workload beside the floor and the peer, with their targets. */
function printCharts(charts: ChartResults) {
  const m = (key: string, field: keyof Measurement) => medianOf(charts, key, field);
  const peer = (key: string, field: keyof Measurement) => (charts.peer ? m(`postgraphile/${key}`, field) : Number.NaN);
  const header = ['', 'etfql', 'floor', 'PostGraphile', 'ratio to floor', 'ratio to peer', 'target'];
  const row = (label: string, ours: number, floor: number, theirs: number, target: string): Row => [
    label,
    ours,
    floor,
    theirs,
    ratio(ours, floor),
    ratio(ours, theirs),
    target,
  ];
  print(
    `chart as npm start serves it (response cache on), every request new (its own to:): ${CHART_TICKERS.length} tickers × ${CHART_BARS} daily bars (date close volume), ${SECONDS} s per measurement`,
    header,
    [
      row(
        'p50 latency, 1 connection (ms)',
        m('chart/1', 'p50'),
        floorOf(charts, 1, 'p50'),
        peer('1', 'p50'),
        '≤ 1.30× floor, ≤ 1.00× peer',
      ),
      row('p99 latency, 1 connection (ms)', m('chart/1', 'p99'), floorOf(charts, 1, 'p99'), peer('1', 'p99'), ''),
      row(
        'throughput, 16 connections (req/s)',
        m('chart/16', 'requestsPerSecond'),
        floorOf(charts, 16, 'requestsPerSecond'),
        peer('16', 'requestsPerSecond'),
        '≥ 1.25× peer',
      ),
    ],
  );
  print(
    'what a miss costs: the same new requests, response cache on against a server with RESPONSE_CACHE=false',
    ['', 'cache on', 'cache off', '', 'ratio', '', 'target'],
    [
      paired(
        'throughput, 16 connections (req/s)',
        m('chart/16', 'requestsPerSecond'),
        m('uncached/16', 'requestsPerSecond'),
        '≥ 0.95×',
      ),
      paired('p50 latency, 1 connection (ms)', m('chart/1', 'p50'), m('uncached/1', 'p50')),
    ],
  );
  const hitRatio = median(charts.mixHitRatios);
  print(
    `dashboards, a skewed mix (${MIX_POPULATION} charts: ${MIX_SHAPE}; Zipf popularity; ${NEVER_SEEN * 100} % never seen), 16 connections, as npm start serves it`,
    header,
    [
      row(
        'throughput (req/s)',
        m('mix/16', 'requestsPerSecond'),
        floorOf(charts, 16, 'requestsPerSecond'),
        peer('16', 'requestsPerSecond'),
        '≥ 2.00× peer',
      ),
      row('p50 latency (ms)', m('mix/16', 'p50'), Number.NaN, Number.NaN, ''),
      row('p99 latency (ms)', m('mix/16', 'p99'), Number.NaN, Number.NaN, ''),
    ],
  );
  process.stdout.write(
    `response cache hit ratio of the mix: ${(100 * hitRatio).toFixed(1)} % (per round: ${charts.mixHitRatios.map((r) => `${(100 * r).toFixed(1)} %`).join(', ')}); the peer's and the floor's requests are the 252-bar chart\n`,
  );
  print('chart, columnar form (series { dates close volume }), every request new; same floor and peer', header, [
    row('p50 latency, 1 connection (ms)', m('series/1', 'p50'), floorOf(charts, 1, 'p50'), peer('1', 'p50'), ''),
    row('p99 latency, 1 connection (ms)', m('series/1', 'p99'), floorOf(charts, 1, 'p99'), peer('1', 'p99'), ''),
    row(
      'throughput, 16 connections (req/s)',
      m('series/16', 'requestsPerSecond'),
      floorOf(charts, 16, 'requestsPerSecond'),
      peer('16', 'requestsPerSecond'),
      '≥ 1.00× floor',
    ),
  ]);
  print(
    'chart + sma(50), rsi, macd for every ticker, every request new; floor: the same response from one statement',
    header,
    [
      row(
        'p50 latency, 1 connection (ms)',
        m('indicators/1', 'p50'),
        m('floorIndicators/1', 'p50'),
        Number.NaN,
        '≤ 1.60× floor',
      ),
      row('p99 latency, 1 connection (ms)', m('indicators/1', 'p99'), m('floorIndicators/1', 'p99'), Number.NaN, ''),
      row('p50 against the chart floor (ms)', m('indicators/1', 'p50'), floorOf(charts, 1, 'p50'), Number.NaN, ''),
    ],
  );
  print('one chart asked again and again (every request a cache hit; no dashboard population is like this)', header, [
    row(
      'throughput, 16 connections (req/s)',
      m('repeated/16', 'requestsPerSecond'),
      floorOf(charts, 16, 'requestsPerSecond'),
      peer('16', 'requestsPerSecond'),
      '≥ 3.00× floor',
    ),
  ]);
  print(
    `last: ${CHART_BARS} over 40 years of history against over 1 year, 10 ETFs each, 1 connection, every request new`,
    ['', '40 years', '1 year', '', 'ratio', '', 'target'],
    [
      paired('p50 latency (ms)', m('history40/1', 'p50'), m('history1/1', 'p50'), '≤ 1.20×'),
      paired('mean latency (ms)', m('history40/1', 'mean'), m('history1/1', 'mean')),
    ],
  );
  process.stdout.write(
    `floors per measure: rows ${m('floorRows/1', 'p50')} ms p50, ${m('floorRows/16', 'requestsPerSecond').toFixed(1)} req/s; JSON from PostgreSQL ${m('floorJson/1', 'p50')} ms p50, ${m('floorJson/16', 'requestsPerSecond').toFixed(1)} req/s\n`,
  );
}

process.stdout.write(`etfql benchmark — medians of ${ROUNDS} rounds, Node ${process.version}\n`);

const only = process.env.BENCH_ONLY; // 'kernels', 'scale', 'loading', 'startup', 'analytics', 'holdings', 'alerts', 'http', 'http-ours' (no peer) or 'dashboard' (draw times only) for a partial run
/** Only the dashboard's draw times: the demo data and the server, none of the HTTP workloads. */
const dashboardOnly = only === 'dashboard';

// 1. Kernels, in this process, one thread.
if (only === undefined || only === 'kernels') {
  const bars = makeSeries();
  const ours = new Map<string, number[]>();
  const peer = new Map<string, number[]>();
  const keep = (into: Map<string, number[]>, timings: Map<string, number>) => {
    for (const [label, seconds] of timings) into.set(label, [...(into.get(label) ?? []), seconds]);
  };
  // Warm-up: both sides' code optimized by the JIT before anything is timed.
  for (let i = 0; i < 2; i++) {
    runOurs(bars.slice(0, 50));
    runPeer(makeCandles(bars.slice(0, 50)));
  }
  for (let round = 0; round < ROUNDS; round++) {
    keep(ours, runOurs(bars));
    keep(peer, runPeer(makeCandles(bars)));
  }
  const total = SERIES * DAYS;
  const seconds = (timings: Map<string, number[]>, label: string) => median(timings.get(label) ?? [Number.NaN]);
  const rate = (time: number) => total / time / 1e6;
  const rows: Row[] = WORKLOADS.map(({ label }) => {
    const mine = rate(seconds(ours, label));
    const theirs = PEER_LABELS.includes(label) ? rate(seconds(peer, label)) : Number.NaN;
    return [label, mine, theirs, ratio(mine, theirs)];
  });
  // All indicators per bar: the bars per second when every one of them is computed.
  const sum = (timings: Map<string, number[]>, labels: readonly string[]) =>
    labels.reduce((time, label) => time + seconds(timings, label), 0);
  const all = WORKLOADS.map((workload) => workload.label);
  const oursShared = rate(sum(ours, PEER_LABELS));
  const peerShared = rate(sum(peer, PEER_LABELS));
  print(
    `indicator kernels: ${SERIES} series × ${DAYS} bars, one thread (million bars/s)`,
    ['', 'etfql', 'trading-signals', 'ratio', 'target'],
    [
      ...rows.map((row): Row => [...row, '']),
      [`all ${all.length} (M bars/s, all per bar)`, rate(sum(ours, all)), Number.NaN, Number.NaN, ''],
      [`the ${PEER_LABELS.length} both have (all per bar)`, oursShared, peerShared, oursShared / peerShared, '≥ 10×'],
      [`seconds per pass, the ${PEER_LABELS.length}`, sum(ours, PEER_LABELS), sum(peer, PEER_LABELS), '', ''],
      [`seconds per pass, all ${all.length}`, sum(ours, all), Number.NaN, '', ''],
    ],
  );
}

if (only === 'kernels') process.exit(0);

await buildDashboard();
const dataDir = await mkdtemp(path.join(tmpdir(), 'etfql-bench-'));
const postgres = await startEmbeddedPostgres({ dataDir, port: await freePort(), persistent: false });

// Scale-out: worker processes with Redis, and reads during the nightly update.
if (only === undefined || only === 'scale') {
  const adminUrl = new URL(postgres.url);
  adminUrl.pathname = '/postgres';
  const scale = await benchScaleOut(adminUrl.toString(), SECONDS);
  const two = 'skipped' in scale.twoWorkers ? undefined : scale.twoWorkers;
  print(
    'scale-out: the chart at 64 connections against the server process, 2 workers sharing Redis (response cache off; the load generator shares the 2 cores)',
    ['', '1 worker', '2 workers', 'ratio', 'target'],
    [
      [
        'throughput (req/s)',
        scale.oneWorker.requestsPerSecond,
        two?.requestsPerSecond ?? Number.NaN,
        ratio(two?.requestsPerSecond ?? Number.NaN, scale.oneWorker.requestsPerSecond),
        '≥ 1.70×',
      ],
      ['p50 latency (ms)', scale.oneWorker.p50, two?.p50 ?? Number.NaN, Number.NaN, ''],
      ['p99 latency (ms)', scale.oneWorker.p99, two?.p99 ?? Number.NaN, Number.NaN, ''],
      ['load generator CPU (cores)', scale.oneWorker.generatorCores, two?.generatorCores ?? Number.NaN, Number.NaN, ''],
    ],
  );
  if (!two) process.stdout.write(`2 workers: ${'skipped' in scale.twoWorkers ? scale.twoWorkers.skipped : ''}\n`);
  print(
    `reads at 16 connections while npm run update appends a day to 500 ETFs (the update took ${scale.updateSeconds.toFixed(2)} s of the ${SECONDS} s measured)`,
    ['', 'during the update', 'without', 'ratio', 'target'],
    [
      [
        'p99 latency (ms)',
        scale.readsDuringUpdate.p99,
        scale.readsAlone.p99,
        ratio(scale.readsDuringUpdate.p99, scale.readsAlone.p99),
        '≤ 2.00×',
      ],
      ['p50 latency (ms)', scale.readsDuringUpdate.p50, scale.readsAlone.p50, Number.NaN, ''],
    ],
  );
  if (only === 'scale') {
    await postgres.stop();
    await rm(dataDir, { recursive: true, force: true });
    process.exit(0);
  }
}

// 2. Loading, in databases of its own on the same cluster.
if (only === undefined || only === 'loading') {
  const etfs = Number(process.env.BENCH_LOAD_ETFS ?? 500);
  const days = Number(process.env.BENCH_LOAD_DAYS ?? 5000);
  const adminUrl = new URL(postgres.url);
  adminUrl.pathname = '/postgres';
  const loading = await benchLoading(adminUrl.toString(), etfs, days, ROUNDS);
  const floorRate = loading.rows / median(loading.floorSeconds);
  const rate = (seconds: number) => loading.rows / seconds;
  print(
    `loading: ${etfs} ETFs × ${days} days = ${loading.rows.toLocaleString('en-US')} bars, stored indicators included (rows/s; floor: plain COPY, median of ${loading.floorSeconds.length})`,
    ['', 'rows/s', 'floor rows/s', 'ratio', 'target'],
    [
      [
        'npm run ingest (a process, TICKER.csv files)',
        rate(loading.cliSeconds),
        floorRate,
        rate(loading.cliSeconds) / floorRate,
        '≥ 0.70×',
      ],
      [
        'npm run ingest, until the jobs it queued stored every indicator',
        rate(loading.currentSeconds),
        floorRate,
        rate(loading.currentSeconds) / floorRate,
        '≥ 0.33× (≤ 3× the time)',
      ],
      [
        'loadPrices, 5,000 bars per call, over HTTP, 2 clients',
        rate(loading.mutationSeconds),
        floorRate,
        rate(loading.mutationSeconds) / floorRate,
        '≥ 0.35×',
      ],
    ],
  );
  process.stdout.write(
    `seconds: floor ${loading.floorSeconds.map((x) => x.toFixed(1)).join(' / ')}, COPY into daily_price itself ${loading.tableFloorSeconds.toFixed(1)} (${(median(loading.floorSeconds) / loading.tableFloorSeconds).toFixed(2)}× the floor's rows/s), ingest ${loading.cliSeconds.toFixed(1)} (peak RSS ${loading.cliPeakRssMb.toFixed(0)} MB), stored indicators current ${loading.currentSeconds.toFixed(1)}, loadPrices ${loading.mutationSeconds.toFixed(1)}\n` +
      `append one new day to ${etfs} ETFs as npm run update does (target < 1 s): median ${median(loading.appendSeconds).toFixed(2)} s with fetching each ticker's CSV from 127.0.0.1 (${loading.appendSeconds.map((x) => x.toFixed(2)).join(' / ')}); ` +
      `the database transaction alone (upsert, indicators): median ${median(loading.appendWriteSeconds).toFixed(2)} s (${loading.appendWriteSeconds.map((x) => x.toFixed(2)).join(' / ')})\n` +
      `the same day from Tiingo's API (PRICE_SOURCE=tiingo), ${Math.ceil(etfs / 10) - Math.ceil(etfs / 100)} ETFs going ex-dividend and ${Math.ceil(etfs / 100)} splitting that day, adjusted closes checked (target < 1 s): median ${median(loading.tiingoSeconds).toFixed(2)} s (${loading.tiingoSeconds.map((x) => x.toFixed(2)).join(' / ')})\n`,
  );
  const bigMb = Number(process.env.BENCH_BIG_FILE_MB ?? 1024);
  if (bigMb > 0) {
    const big = await benchBigFile(adminUrl.toString(), bigMb);
    process.stdout.write(
      `a ${(big.bytes / 1024 ** 3).toFixed(2)} GB vendor dump (${big.rows.toLocaleString('en-US')} rows, a ticker column, --create-etfs): ` +
        `imported in ${big.seconds.toFixed(1)} s (${Math.round(big.rows / big.seconds).toLocaleString('en-US')} rows/s), peak RSS ${big.rssMb.toFixed(0)} MB\n`,
    );
  }
  if (only === 'loading') {
    await postgres.stop();
    await rm(dataDir, { recursive: true, force: true });
    process.exit(0);
  }
}
// Start-up: the CLIs and npm start as users type them.
if (only === undefined || only === 'startup') {
  const adminUrl = new URL(postgres.url);
  adminUrl.pathname = '/postgres';
  const startup = await benchStartup(adminUrl.toString(), ROUNDS);
  const importRate = startup.importRows / median(startup.importSeconds);
  const floorRate = startup.importRows / median(startup.floorSeconds);
  print(
    `start-up, through npm as users type it (medians of ${ROUNDS} or more): npm run ingest -- --dry-run of a one-row file beside a running server; npm start on an existing data directory until /health answers; npm run ingest of 100 TICKER.csv files × 5,550 rows, start-up included, against one plain COPY of the same rows`,
    ['', 'etfql', 'floor', 'ratio', 'target'],
    [
      ['ingest --dry-run, 1 row, server up (s)', median(startup.cliSeconds), Number.NaN, Number.NaN, '≤ 0.80 s'],
      ['npm start, existing data, ready (s)', median(startup.readySeconds), Number.NaN, Number.NaN, '≤ 3.00 s'],
      ['ingest 100 files × 5,550 rows (rows/s)', importRate, floorRate, importRate / floorRate, '≥ 0.60×'],
    ],
  );
  process.stdout.write(
    `seconds: dry runs ${startup.cliSeconds.map((x) => x.toFixed(2)).join(' / ')}; ready ${startup.readySeconds.map((x) => x.toFixed(2)).join(' / ')}; import ${startup.importSeconds.map((x) => x.toFixed(2)).join(' / ')} against COPY ${startup.floorSeconds.map((x) => x.toFixed(2)).join(' / ')}\n`,
  );
  if (only === 'startup') {
    await postgres.stop();
    await rm(dataDir, { recursive: true, force: true });
    process.exit(0);
  }
}
// 3. Screener, performance and correlation, over a database of their own.
if (only === undefined || only === 'analytics') {
  const adminUrl = new URL(postgres.url);
  adminUrl.pathname = '/postgres';
  const analytics = await benchAnalytics(adminUrl.toString(), ROUNDS, SECONDS);
  const { p50 } = analytics;
  print(
    `analytics: ${ANALYTICS_ETFS} ETFs × ${ANALYTICS_YEARS} years of daily bars, p50 at 1 connection (ms), ${SECONDS} s per measurement; response cache off (the same request repeated would be a hit)`,
    ['', 'etfql', 'floor', 'ratio to floor', 'target'],
    [
      [
        'screen: 3 conditions, order, page of 20',
        p50.screen,
        p50.floor,
        ratio(p50.screen, p50.floor),
        '≤ 2.00× floor, ≤ 20 ms',
      ],
      ['performance of 100 ETFs, latest', p50.performance, Number.NaN, Number.NaN, '≤ 50 ms'],
      ['performance of 100 ETFs, earlier asOf', p50.performanceAsOf, Number.NaN, Number.NaN, ''],
      ['correlation 20 × 20, 5 years daily', p50.correlation, Number.NaN, Number.NaN, '≤ 50 ms'],
    ],
  );
  const { mean } = analytics;
  process.stdout.write(
    `means (ms): screen ${mean.screen.toFixed(2)}, floor ${mean.floor.toFixed(2)} (${ratio(mean.screen, mean.floor).toFixed(2)}×), performance ${mean.performance.toFixed(2)}, earlier asOf ${mean.performanceAsOf.toFixed(2)}, correlation ${mean.correlation.toFixed(2)}\n`,
  );
  process.stdout.write(
    `latest_metrics rewritten for all ${ANALYTICS_ETFS} ETFs in one statement (what a write of every ETF adds): ${analytics.refreshMs.toFixed(0)} ms; requests that failed: ${analytics.errors}\n`,
  );
  if (analytics.errors > 0) process.exitCode = 1;
  if (only === 'analytics') {
    await postgres.stop();
    await rm(dataDir, { recursive: true, force: true });
    process.exit();
  }
}
// 4. Holdings: overlap, holders, look-through and the import, over a database of their own.
if (only === undefined || only === 'holdings') {
  const adminUrl = new URL(postgres.url);
  adminUrl.pathname = '/postgres';
  const holdings = await benchHoldings(adminUrl.toString(), ROUNDS, SECONDS);
  const { shape, ours, floor, hits, answerSizes } = holdings;
  const p50 = (key: 'overlap' | 'holders' | 'lookThrough') => holdingsMedian(ours[key], 'p50');
  const floorP50 = (key: 'overlap' | 'holders' | 'lookThrough') => holdingsMedian(floor[key], 'p50');
  const row = (label: string, key: 'overlap' | 'holders' | 'lookThrough', target: string): Row => [
    label,
    p50(key),
    floorP50(key),
    ratio(p50(key), floorP50(key)),
    target,
  ];
  const importSeconds = median(holdings.importSeconds);
  const importFloor = median(holdings.importFloorSeconds);
  // A hit answers in well under a millisecond; one that takes as long as a miss was not cached.
  const hitRow = (label: string, key: 'overlap' | 'holders' | 'lookThrough'): Row => {
    const hitMean = holdingsMedian(hits[key], 'mean');
    const cached = hitMean < holdingsMedian(ours[key], 'mean') / 4;
    return [
      label,
      holdingsMedian(hits[key], 'p50'),
      Number.NaN,
      Number.NaN,
      `mean ${hitMean.toFixed(2)} ms${cached ? '' : ': NOT a hit, never cached'}`,
    ];
  };
  print(
    `holdings: ${shape.etfs} ETFs, ${shape.positions.toLocaleString('en-US')} positions of ${shape.securities.toLocaleString('en-US')} securities, p50 at 1 connection (ms), ${SECONDS} s per measurement; as npm start serves it (response cache on), every request new (its own asOf); overlap: 10 largest common holdings per pair; look-through: top ${LOOK_THROUGH_FIRST} securities and exposure by SECTOR; import: npm run ingest -- --holdings as a process against one INSERT … SELECT FROM unnest of the parsed positions (s, median of ${holdings.importSeconds.length})`,
    ['', 'etfql', 'floor', 'ratio to floor', 'target'],
    [
      row(
        `overlap: ${answerSizes.overlap} pairs of ${LARGE_ETFS} × ${LARGE_POSITIONS.toLocaleString('en-US')}`,
        'overlap',
        '≤ 50 ms',
      ),
      row(`holders: ${answerSizes.holders} ETFs of ${shape.etfs}`, 'holders', '≤ 20 ms'),
      row(`look-through: ${PORTFOLIO.length} ETFs incl. 3 FoFs`, 'lookThrough', '≤ 50 ms'),
      [
        `import: N-PORT, ${shape.importSpecs.length.toLocaleString('en-US')} positions (s)`,
        importSeconds.toFixed(2),
        importFloor.toFixed(2),
        ratio(importSeconds, importFloor),
        '≤ 1 s',
      ],
      hitRow('  hit: overlap, same body repeated', 'overlap'),
      hitRow('  hit: holders, same body repeated', 'holders'),
      hitRow('  hit: look-through, same body', 'lookThrough'),
    ],
  );
  const mean = (list: typeof ours.overlap) => holdingsMedian(list, 'mean').toFixed(2);
  process.stdout.write(
    `means (ms): overlap ${mean(ours.overlap)} (floor ${mean(floor.overlap)}), holders ${mean(ours.holders)} (floor ${mean(floor.holders)}), look-through ${mean(ours.lookThrough)} (floor ${mean(floor.lookThrough)}); ` +
      `import seconds ${holdings.importSeconds.map((x) => x.toFixed(2)).join(' / ')} against ${holdings.importFloorSeconds.map((x) => x.toFixed(2)).join(' / ')}; ` +
      `the same import in-process (importHoldingsFile: read, link, write; no process start): ${holdings.importInProcessSeconds.map((x) => x.toFixed(2)).join(' / ')}\n` +
      `data: written through writeSnapshot in ${shape.setupSeconds.toFixed(1)} s; the chosen security is held by ${shape.holdersOfChosen} ETFs; requests that failed: ${holdings.errors}\n`,
  );
  if (holdings.errors > 0) process.exitCode = 1;
  if (only === 'holdings') {
    await postgres.stop();
    await rm(dataDir, { recursive: true, force: true });
    process.exit();
  }
}
// 5. Alerts: the nightly update with 1,000 alerts, and webhook latency, over databases of their own.
if (only === undefined || only === 'alerts') {
  const adminUrl = new URL(postgres.url);
  adminUrl.pathname = '/postgres';
  const alerts = await benchAlerts(adminUrl.toString(), ROUNDS);
  const withAlerts = median(alerts.withAlerts);
  const without = median(alerts.without);
  const { scopes } = alerts.alerts;
  print(
    `alerts: ${ALERT_COUNT.toLocaleString('en-US')} alerts (${scopes.all} on every ETF, ${scopes.one} on 1 ticker, ${scopes.twoToFive} on 2–5, ${scopes.sixToTwenty} on 6–20; ${alerts.alerts.webhooks.length} with webhooks) over ${ALERT_ETFS} ETFs × ${ALERT_HISTORY_DAYS} days; npm run update of one new day (a process, provider on 127.0.0.1) until the evaluation job committed, against the same update of a twin database with no alert (ms, medians of ${alerts.withAlerts.length} rounds, a new day each, the server and its job worker running)`,
    ['', 'with alerts', 'without', 'added', 'ratio', 'target'],
    [
      [
        'nightly update + alert evaluation',
        withAlerts,
        without,
        withAlerts - without,
        ratio(withAlerts, without),
        'added ≤ 200 ms',
      ],
      [
        '  the update process alone, alerts on',
        median(alerts.withAlertsCli),
        without,
        median(alerts.withAlertsCli) - without,
        ratio(median(alerts.withAlertsCli), without),
        '',
      ],
      [
        '  the evaluation job, start to commit',
        median(alerts.jobMs),
        Number.NaN,
        Number.NaN,
        Number.NaN,
        'from its debug log line',
      ],
    ],
  );
  const sorted = [...alerts.webhookMs].sort((a, b) => a - b);
  const quantile = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? Number.NaN;
  print(
    `webhook latency: ${alerts.webhookMs.length} loadPrices writes over HTTP, each making one alert cross, from the mutation's answer (committed) to the signed POST received on 127.0.0.1, signature checked (ms)`,
    ['', 'p50', 'p95', 'max', 'target'],
    [
      [
        'commit → webhook received',
        median(alerts.webhookMs),
        quantile(0.95),
        sorted.at(-1) ?? Number.NaN,
        'p50 ≤ 1000 ms',
      ],
      ['  the loadPrices call itself', median(alerts.writeMs), Number.NaN, Math.max(...alerts.writeMs), ''],
    ],
  );
  const list = (values: number[]) => values.map((x) => x.toFixed(0)).join(' / ');
  process.stdout.write(
    `added per round, with minus without (ms): ${list(alerts.withAlerts.map((x, i) => x - (alerts.without[i] as number)))}, median ${median(alerts.withAlerts.map((x, i) => x - (alerts.without[i] as number))).toFixed(0)}\n` +
      `per round (ms): with alerts ${list(alerts.withAlerts)} (process ${list(alerts.withAlertsCli)}, job ${list(alerts.jobMs)}, events fired ${alerts.fired.join(' / ')}); without ${list(alerts.without)}\n` +
      `webhooks (ms): ${list(alerts.webhookMs)}; signatures that failed: ${alerts.badSignatures}; alerts made and their state kept in ${alerts.alerts.setupSeconds.toFixed(1)} s\n`,
  );
  if (alerts.badSignatures > 0) process.exitCode = 1;
  if (only === 'alerts') {
    await postgres.stop();
    await rm(dataDir, { recursive: true, force: true });
    process.exit();
  }
}
const config = loadConfig({ DATABASE_URL: postgres.url, SEED_DEMO: 'true' });
const db = await prepareDatabase(postgres.url, config, pino({ level: 'warn' }));
// Credentials for the authentication workloads: a session token and an API key.
const jwtSecret = randomBytes(32).toString('base64url');
const user = await db.prisma.user.create({
  data: {
    email: 'bench@example.com',
    name: 'Bench',
    role: 'VIEWER',
    passwordHash: await hashPassword('bench password 123'),
  },
});
const tokenService = createTokenService([jwtSecret], 3600);
const { token } = await tokenService.sign(user.id, user.sessionEpoch);
const apiKey = generateApiKeySecret();
await db.prisma.apiKey.create({
  data: { name: 'bench', prefix: visiblePrefix(apiKey), hash: hashSecret(apiKey), role: 'VIEWER' },
});
// The work authentication adds to a request, measured directly: the HTTP
// comparison below cannot resolve microseconds inside 50 ms of noise.
const authenticator = createAuthenticator(db.prisma, tokenService);
const authCostMicros = async (header: string) => {
  await authenticator.authenticate(header); // the first call looks the credential up
  const calls = 20_000;
  const started = performance.now();
  for (let i = 0; i < calls; i++) await authenticator.authenticate(header);
  return ((performance.now() - started) * 1000) / calls;
};
const authCost = dashboardOnly
  ? { jwt: Number.NaN, key: Number.NaN }
  : { jwt: await authCostMicros(`Bearer ${token}`), key: await authCostMicros(`Bearer ${apiKey}`) };
await db.close();

if (!dashboardOnly) await createHistoryEtfs(postgres.url);
const child = spawn(process.execPath, ['--import', 'tsx', 'bench/servers.ts'], {
  env: { ...process.env, DATABASE_URL: postgres.url, NODE_ENV: 'production', JWT_SECRET: jwtSecret },
  stdio: ['ignore', 'pipe', 'inherit'],
});
const ports = await new Promise<ChartPorts>((resolve, reject) => {
  createInterface({ input: child.stdout as NodeJS.ReadableStream }).once('line', (line) => resolve(JSON.parse(line)));
  child.once('exit', (code) => reject(new Error(`the benchmark's server process exited with ${code}`)));
});

const peer =
  only === 'http-ours' || dashboardOnly
    ? { skipped: `PostGraphile peer skipped: BENCH_ONLY=${only}` }
    : await startPostGraphilePeer(postgres.url);
if ('skipped' in peer) process.stdout.write(`\n${peer.skipped}\n`);
else process.stdout.write(`\npeer: ${peer.version} (a separate process, same database, pool of 10)\n`);

try {
  if (!dashboardOnly) {
    const graphqlUrl = `http://127.0.0.1:${ports.graphql}/graphql`;
    const results: Record<string, Measurement[]> = {};
    const record = (key: string, m: Measurement) => {
      results[key] ??= [];
      results[key]?.push(m);
    };
    const charts = await benchCharts({
      ports,
      peerUrl: 'skipped' in peer ? undefined : peer.url,
      rounds: ROUNDS,
      seconds: SECONDS,
    });
    printCharts(charts);

    // Authentication: the same chart query, anonymous and with each kind of
    // credential, in short alternating runs: a 5 % target needs the three
    // variants to share the machine's noise as evenly as possible.
    // New requests, as in the headline: what a credential adds to a request that runs.
    const bodies = chartBodies();
    const chart = (headers?: Record<string, string>) =>
      measure({ url: graphqlUrl, bodies, headers, connections: 1, seconds: 2 });
    for (let round = 0; round < AUTH_ROUNDS; round++) {
      record('auth/none', await chart());
      record('auth/jwt', await chart({ authorization: `Bearer ${token}` }));
      record('auth/key', await chart({ authorization: `Bearer ${apiKey}` }));
    }

    const m = (key: string, field: keyof Measurement) => median((results[key] ?? []).map((r) => r[field]));
    // Each round measures the three variants back to back; the ratio of each pair
    // cancels the slow drifts of a shared machine, and the median of the ratios
    // the outliers.
    const pairedRatio = (variant: string) =>
      median((results[variant] ?? []).map((r, i) => r.mean / ((results['auth/none'] ?? [])[i] as Measurement).mean));
    const anonymousP50 = m('auth/none', 'p50');
    const authRows: Row[] = [
      ['anonymous', anonymousP50, m('auth/none', 'mean'), 1, '', ''],
      [
        'session token (JWT)',
        m('auth/jwt', 'p50'),
        m('auth/jwt', 'mean'),
        pairedRatio('auth/jwt'),
        authCost.jwt,
        '≤ 1.05×',
      ],
      ['API key', m('auth/key', 'p50'), m('auth/key', 'mean'), pairedRatio('auth/key'), authCost.key, '≤ 1.05×'],
    ];
    print(
      `authentication: the chart query at 1 connection, with and without credentials (${AUTH_ROUNDS} paired runs of 2 s)`,
      ['', 'p50 (ms)', 'mean (ms)', 'ratio', 'auth work (µs)', 'target'],
      authRows,
    );
    process.stdout.write(
      `authentication work per request, measured in-process: session token ${authCost.jwt.toFixed(1)} µs, API key ${authCost.key.toFixed(1)} µs` +
        ` = ${((100 * Math.max(authCost.jwt, authCost.key)) / 1000 / anonymousP50).toFixed(3)} % of the anonymous p50\n`,
    );
    const errors = [...Object.values(results), ...Object.values(charts.rows)]
      .flat()
      .reduce((sum, r) => sum + r.errors, 0);
    process.stdout.write(`\nrequests that failed: ${errors}\n`);
    if (errors > 0) process.exitCode = 1;
  }
  const drawing = await measureDrawing(`http://127.0.0.1:${ports.graphql}`);
  if (drawing) {
    print(
      'dashboard: GraphQL response to drawn view (read, parsed, drawn, two frames), headless Chromium, each view loaded afresh 15 times over the demo data',
      ['', 'median (ms)', 'p90 (ms)', '', 'target'],
      drawing.views.map((view): Row => [view.label, view.median, view.p90, '', view.target]),
    );
  } else {
    process.stdout.write('\ndashboard drawing: skipped, no Chromium at /usr/bin/chromium (apt-get install chromium)\n');
  }
} finally {
  // The server process closes its connections before PostgreSQL goes away.
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
  if (!('skipped' in peer)) await peer.stop();
  await postgres.stop();
  await rm(dataDir, { recursive: true, force: true });
}

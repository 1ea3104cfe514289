// npm run update: appends the newest bars of every ETF from PRICE_SOURCE_URL.
// Meant for cron. Exit status: 0 when every ETF is current, 1 when some
// tickers failed (the others still loaded; a ticker whose data the database
// refuses is one of them), 2 for a configuration error,
// 3 when nothing could be done now (the database cannot be reached, or another
// update holds the lock): a later run should try again.
import { runDailyUpdate, type TickerOutcome } from '../update/daily-update.js';
import { runCli, withCliDatabase } from './cli-database.js';

const line = (outcome: TickerOutcome) => {
  switch (outcome.status) {
    case 'loaded':
      return `${outcome.ticker}: ${outcome.bars} new bar${outcome.bars === 1 ? '' : 's'} (${outcome.from === outcome.to ? outcome.from : `${outcome.from} to ${outcome.to}`})`;
    case 'current':
      return `${outcome.ticker}: up to date`;
    case 'failed':
      return `${outcome.ticker}: FAILED: ${outcome.reason}`;
  }
};

const started = Date.now();
runCli(() =>
  withCliDatabase(async (db, config) => {
    const { urlTemplate, timeoutMs, concurrency, symbols } = config.priceSource;
    if (!urlTemplate) {
      process.stderr.write('Set PRICE_SOURCE_URL, e.g. https://prices.example.com/daily/{ticker}.csv\n');
      return 2;
    }
    const result = await runDailyUpdate(db, {
      urlTemplate,
      timeoutMs,
      concurrency,
      symbols,
      onOutcome: (outcome) =>
        (outcome.status === 'failed' ? process.stderr : process.stdout).write(`${line(outcome)}\n`),
    });
    if (!result.locked) {
      process.stderr.write('Another update is running (advisory lock held); nothing done.\n');
      return 3;
    }
    const count = (status: TickerOutcome['status']) => result.outcomes.filter((o) => o.status === status).length;
    const bars = result.outcomes.reduce((sum, o) => sum + (o.status === 'loaded' ? o.bars : 0), 0);
    process.stdout.write(
      `${result.outcomes.length} ETFs: ${count('loaded')} updated (${bars} bars), ${count('current')} up to date, ${count('failed')} failed, in ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
    );
    return count('failed') > 0 ? 1 : 0;
  }),
);

// npm run update: appends the newest bars of every ETF from the provider
// PRICE_SOURCE names (with its splits and dividends when it states them).
// Meant for cron. `--full TICKER…` fetches those ETFs' whole histories again
// and writes them over what is stored (after a provider revised them). Exit status: 0 when every ETF is current, 1 when some
// tickers failed (the others still loaded; a ticker whose data the database
// refuses is one of them), 2 for a configuration error,
// 3 when nothing could be done now (the database cannot be reached, another
// update holds the lock, or the only failures are the provider's rate limit):
// a later run should try again. Where the provider's adjusted close differs
// from etfql's, a line per date says so (the exit status is unchanged).

import { findEtfsByTicker } from '../etfs/find-etfs.js';
import { parseTicker } from '../etfs/ticker.js';
import { configuredProvider } from '../update/configured-provider.js';
import { runDailyUpdate, type TickerOutcome } from '../update/daily-update.js';
import { runCli, UsageError, withCliDatabase } from './cli-database.js';

/** `full`: a --full run writes whole histories over stored bars, which are not all new. */
const line = (outcome: TickerOutcome, full: boolean) => {
  switch (outcome.status) {
    case 'loaded': {
      const actions = [
        outcome.splits > 0 ? `${outcome.splits} split${outcome.splits === 1 ? '' : 's'}` : '',
        outcome.dividends > 0 ? `${outcome.dividends} dividend${outcome.dividends === 1 ? '' : 's'}` : '',
      ].filter(Boolean);
      return `${outcome.ticker}: ${outcome.bars} ${full ? '' : 'new '}bar${outcome.bars === 1 ? '' : 's'}${full ? ' written' : ''} (${outcome.from === outcome.to ? outcome.from : `${outcome.from} to ${outcome.to}`})${actions.length > 0 ? `, ${actions.join(', ')}` : ''}`;
    }
    case 'current':
      return `${outcome.ticker}: up to date`;
    case 'failed':
      return `${outcome.ticker}: FAILED: ${outcome.reason}`;
  }
};

/** `--full TICKER…`: the ETFs whose whole history to fetch again; undefined for the nightly run of every ETF. */
function fullTickers(args: readonly string[]): string[] | undefined {
  if (args.length === 0) return undefined;
  if (args[0] !== '--full' || args.length === 1) {
    throw new UsageError('usage: npm run update [-- --full TICKER...]');
  }
  return args.slice(1).map((arg) => {
    const parsed = parseTicker(arg);
    if ('problem' in parsed) throw new UsageError(`--full ${arg}: the ticker ${parsed.problem}`);
    return parsed.ticker;
  });
}

const started = Date.now();
runCli(() =>
  withCliDatabase(async (db, config) => {
    const full = fullTickers(process.argv.slice(2));
    if (full) {
      const known = new Set((await findEtfsByTicker(db.pool, full)).map((etf) => etf.ticker));
      const unknown = full.filter((ticker) => !known.has(ticker));
      if (unknown.length > 0) throw new UsageError(`--full: no ETF has the ticker ${unknown.join(', ')}`);
    }
    const { timeoutMs, concurrency, symbols } = config.priceSource;
    const provider = configuredProvider(config.priceSource);
    if (typeof provider === 'string') {
      process.stderr.write(`${provider}\n`);
      return 2;
    }
    const result = await runDailyUpdate(db, {
      provider,
      timeoutMs,
      concurrency,
      symbols,
      source: config.priceSource.source,
      ...(full ? { full } : {}),
      onOutcome: (outcome) => {
        (outcome.status === 'failed' ? process.stderr : process.stdout).write(`${line(outcome, full !== undefined)}\n`);
        if (outcome.status === 'failed') return;
        for (const difference of outcome.differences) process.stderr.write(`${outcome.ticker}: ${difference}\n`);
      },
    });
    if (!result.locked) {
      process.stderr.write('Another update is running (advisory lock held); nothing done.\n');
      return 3;
    }
    const count = (status: TickerOutcome['status']) => result.outcomes.filter((o) => o.status === status).length;
    const bars = result.outcomes.reduce((sum, o) => sum + (o.status === 'loaded' ? o.bars : 0), 0);
    const differing = result.outcomes.filter((o) => o.status !== 'failed' && o.differences.length > 0).length;
    const failed = result.outcomes.filter((o) => o.status === 'failed');
    const later = failed.filter((o) => o.retryLater).length;
    process.stdout.write(
      `${result.outcomes.length} ETFs: ${count('loaded')} updated (${bars} bars), ${count('current')} up to date, ${failed.length} failed${later > 0 ? ` (${later} rate-limited: retry later)` : ''}${differing > 0 ? `, ${differing} with an adjustment differing from the provider's` : ''}, in ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
    );
    if (failed.length === 0) return 0;
    return later === failed.length ? 3 : 1;
  }),
);

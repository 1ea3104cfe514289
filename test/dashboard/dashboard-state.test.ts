import { describe, expect, it } from 'vitest';
import {
  barsFor,
  DEFAULT_STATE,
  parseViewState,
  serializeViewState,
  type ViewState,
} from '../../src/dashboard/view-state.js';

describe('the dashboard view in the URL', () => {
  it('round-trips every part of a view', () => {
    const views: ViewState[] = [
      DEFAULT_STATE,
      { ...DEFAULT_STATE, tickers: ['SPY', 'GLD', 'BRK.B'], range: 'YTD', interval: 'WEEKLY' },
      {
        ...DEFAULT_STATE,
        mode: 'detail',
        ticker: 'QQQ',
        range: '5Y',
        interval: 'MONTHLY',
        overlays: { sma: 50, ema: 20, bollinger: 10, donchian: 55 },
        panes: { rsi: 7, macd: [5, 35, 5], stochastic: [14, 3, 3] },
      },
    ];
    for (const view of views) expect(parseViewState(`?${serializeViewState(view)}`)).toEqual(view);
  });

  it('falls back to defaults for anything malformed or hostile', () => {
    const view = parseViewState(
      '?view=evil&tickers=<script>,spy,,qqq,SPY&range=10Y&interval=HOURLY&overlays=sma:0,ema:abc&panes=macd:1-2',
    );
    expect(view).toEqual({ ...DEFAULT_STATE, tickers: ['SPY', 'QQQ'] });
  });

  it('keeps at most 10 tickers', () => {
    const tickers = Array.from({ length: 15 }, (_, i) => `T${i}`).join(',');
    expect(parseViewState(`?tickers=${tickers}`).tickers).toHaveLength(10);
  });

  it('turns ranges into bar counts per interval', () => {
    expect(barsFor('1Y', 'DAILY')).toBe(252);
    expect(barsFor('5Y', 'DAILY')).toBe(1260);
    expect(barsFor('1M', 'DAILY')).toBe(21);
    expect(barsFor('6M', 'WEEKLY')).toBe(26);
    expect(barsFor('1M', 'MONTHLY')).toBe(2);
    expect(barsFor('MAX', 'DAILY')).toBeNull();
  });
});

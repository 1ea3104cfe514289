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
        indicators: [
          { name: 'rsi', params: [7] },
          { name: 'bollinger', params: [10, 2.5] },
          { name: 'kst', params: [[10, 15, 20, 30], [10, 10, 10, 15], 9, [1, 2, 3.5, -4]] },
          { name: 'volatility', params: [20, 'GARMAN_KLASS', 252] },
          { name: 'beta', params: ['BRK.B', 60] },
          { name: 'obv', params: [] },
        ],
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

  it('writes the indicators as name:arg:arg, lists joined by |', () => {
    const view: ViewState = {
      ...DEFAULT_STATE,
      mode: 'detail',
      indicators: [
        { name: 'macd', params: [5, 35, 5] },
        {
          name: 'ultimateOscillator',
          params: [
            [7, 14, 28],
            [4, 2, 1],
          ],
        },
      ],
    };
    expect(serializeViewState(view)).toBe(
      'view=detail&ticker=SPY&range=1Y&interval=DAILY&ind=macd:5:35:5,ultimateOscillator:7|14|28:4|2|1',
    );
  });

  it('reads the indicators: defaults for missing trailing arguments, each name once, nothing out of bounds', () => {
    const { indicators } = parseViewState(
      '?view=detail&ind=rsi,macd:5,rsi:9,sma:0,nope:1,hma:1,bollinger:20:0,alma:9:0.5:6,volatility:20:WRONG,ultimateOscillator:7|14:4|2|1,beta:<b>',
    );
    expect(indicators).toEqual([
      { name: 'rsi', params: [14] },
      { name: 'macd', params: [5, 26, 9] },
      { name: 'alma', params: [9, 0.5, 6] },
    ]);
  });

  it('still reads the URLs of the seven indicators from before, and writes them the new way', () => {
    const view = parseViewState(
      '?view=detail&ticker=QQQ&overlays=sma:50,ema:20,bb:10,dc:55&panes=rsi:7,macd:5-35-5,stoch:14-3-3',
    );
    expect(view.indicators).toEqual([
      { name: 'sma', params: [50] },
      { name: 'ema', params: [20] },
      { name: 'bollinger', params: [10, 2] },
      { name: 'donchian', params: [55] },
      { name: 'rsi', params: [7] },
      { name: 'macd', params: [5, 35, 5] },
      { name: 'stochastic', params: [14, 3, 3] },
    ]);
    expect(serializeViewState(view)).toBe(
      'view=detail&ticker=QQQ&range=1Y&interval=DAILY' +
        '&ind=sma:50,ema:20,bollinger:10:2,donchian:55,rsi:7,macd:5:35:5,stochastic:14:3:3',
    );
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

  it('round-trips the views beside the chart, each with its own part of the URL', () => {
    const views: ViewState[] = [
      {
        ...DEFAULT_STATE,
        mode: 'screen',
        screen: {
          join: 'or',
          conditions: [
            { kind: 'metric', metric: 'RSI_14', op: 'lt', value: 30 },
            { kind: 'metric', metric: 'CLOSE', op: 'gt', value: 'SMA_200' },
            { kind: 'metric', metric: 'RETURN_1Y', op: 'gte', value: -0.05 },
            { kind: 'class', classes: ['EQUITY', 'FIXED_INCOME'] },
          ],
          sort: { metric: 'RETURN_1Y', direction: 'DESC' },
          after: 'eyJ0IjoiU1BZIn0',
        },
      },
      { ...DEFAULT_STATE, mode: 'risk', tickers: ['SPY', 'TLT'], asOf: '2024-06-28' },
      { ...DEFAULT_STATE, mode: 'correlation', interval: 'WEEKLY', window: { last: 52 } },
      { ...DEFAULT_STATE, mode: 'correlation', window: { from: '2023-01-01', to: null } },
      { ...DEFAULT_STATE, mode: 'holdings', tickers: ['SPY', 'QQQ', 'AOR'] },
    ];
    for (const view of views) expect(parseViewState(`?${serializeViewState(view)}`)).toEqual(view);
    expect(serializeViewState(views[0] as ViewState)).toBe(
      'view=screen&tickers=SPY,QQQ,TLT&range=1Y&interval=DAILY&join=or' +
        '&where=RSI_14:lt:30,CLOSE:gt:SMA_200,RETURN_1Y:gte:-0.05,class:in:EQUITY|FIXED_INCOME' +
        '&sort=RETURN_1Y:desc&after=eyJ0IjoiU1BZIn0',
    );
  });

  it('keeps the chart URLs as they were, and drops malformed parts of the new ones', () => {
    expect(serializeViewState({ ...DEFAULT_STATE, asOf: '2024-01-02' })).toBe(
      'view=compare&tickers=SPY,QQQ,TLT&range=1Y&interval=DAILY',
    );
    const view = parseViewState(
      '?view=screen&where=NOPE:lt:1,RSI_14:lt:abc,CLOSE:eq:SMA_50,class:in:GOLD,VOLUME:gt:1e6&sort=x:y&after=<b>&asof=2024-13',
    );
    expect(view.screen).toEqual({
      join: 'and',
      conditions: [{ kind: 'metric', metric: 'VOLUME', op: 'gt', value: 1e6 }],
      sort: null,
      after: null,
    });
    expect(view.asOf).toBeNull();
    expect(parseViewState('?view=correlation&last=1').window).toEqual({ last: 252 });
  });
});

// The whole-file checks: weights that must sum to about 100, negative weights
// only where they mean something, the same security twice, and the bounds.
import { describe, expect, it } from 'vitest';
import type { Position } from '../../src/holdings/position.js';
import { positionProblems } from '../../src/holdings/position-checks.js';

let nextLine = 1;
function position(fields: Partial<Position> = {}): Position {
  return {
    line: nextLine++,
    name: `Holding ${nextLine}`,
    ticker: null,
    cusip: null,
    isin: null,
    assetCategory: 'EC',
    assetClass: 'EQUITY',
    sector: null,
    country: 'US',
    currency: 'USD',
    shares: 1,
    units: 'NS',
    marketValue: 1,
    weight: 50,
    payoff: 'LONG',
    ...fields,
  };
}

describe('the sum of weights', () => {
  it('accepts sums within 10 points of 100', () => {
    expect(positionProblems([position({ weight: 55 }), position({ weight: 54.99 })])).toEqual([]);
    expect(positionProblems([position({ weight: 45 }), position({ weight: 45 })])).toEqual([]);
  });

  it('refuses sums further off, giving the sum', () => {
    expect(positionProblems([position({ weight: 60 }), position({ weight: 50.5 })])).toEqual([
      { line: 0, reason: 'the weights sum to 110.5 %, more than 10 points from 100 %' },
    ]);
    expect(positionProblems([position({ weight: 0.6 }), position({ weight: 0.4 })])).toEqual([
      { line: 0, reason: 'the weights sum to 1 %, more than 10 points from 100 %' },
    ]);
  });

  it('refuses a file with no positions', () => {
    expect(positionProblems([])).toEqual([{ line: 0, reason: 'the file has no positions' }]);
  });

  it('does not judge the sum of a file whose rows were already refused', () => {
    expect(positionProblems([position({ weight: 5 })], { complete: false })).toEqual([]);
    expect(positionProblems([], { complete: false })).toEqual([]);
  });
});

describe('negative weights', () => {
  it('are allowed for short positions, derivatives and cash', () => {
    const allowed = [
      position({ weight: -1, payoff: 'SHORT' }),
      position({ weight: -1, assetClass: 'DERIVATIVE', payoff: null }),
      position({ weight: -1, assetClass: 'CASH' }),
      position({ weight: 103 }),
    ];
    expect(positionProblems(allowed)).toEqual([]);
  });

  it('are refused for a long equity, with the line', () => {
    const long = position({ weight: -2 });
    expect(positionProblems([long, position({ weight: 102 })])).toEqual([
      {
        line: long.line,
        reason:
          'weight -2 % is negative, but the position is EQUITY with long payoff: only short positions, derivatives and cash may be negative',
      },
    ]);
  });
});

describe('duplicates', () => {
  it('refuse a row repeated: the same ISIN, CUSIP, ticker or name, payoff, currency and amounts', () => {
    const cases: [Partial<Position>, string][] = [
      [{ isin: 'US0378331005' }, 'ISIN US0378331005'],
      [{ cusip: '037833100' }, 'CUSIP 037833100'],
      [{ ticker: 'AAPL' }, 'ticker AAPL'],
      [{ name: 'Cash Collateral' }, 'name "cash collateral"'],
    ];
    for (const [identity, key] of cases) {
      const first = position({ ...identity });
      const second = position({ ...identity, name: identity.name ?? 'Another spelling' });
      expect(positionProblems([first, second])).toEqual([
        {
          line: second.line,
          reason: `repeats line ${first.line}: the same security (${key}), long, currency and amounts`,
        },
      ]);
    }
  });

  it('match a security known by its CUSIP in one row and its ISIN and CUSIP in another', () => {
    const first = position({ cusip: '037833100' });
    const second = position({ cusip: '037833100', isin: 'US0378331005' });
    expect(positionProblems([first, second])[0]?.reason).toBe(
      `repeats line ${first.line}: the same security (CUSIP 037833100), long, currency and amounts`,
    );
  });

  it('keep one security held in two lots or two currencies, as real filings list them', () => {
    const sweep = position({ cusip: '09248U718', weight: 0.4, shares: 1e6, marketValue: 1e6 });
    const collateral = position({ cusip: '09248U718', weight: 0.2, shares: 5e5, marketValue: 5e5 });
    const inUsd = position({ isin: 'CA0679011084', currency: 'USD', weight: 0.1 });
    const inCad = position({ isin: 'CA0679011084', currency: 'CAD', weight: 0.1 });
    expect(positionProblems([sweep, collateral, inUsd, inCad], { complete: false })).toEqual([]);
  });

  it('allow the same security long and short', () => {
    const long = position({ isin: 'US0378331005', weight: 60 });
    const short = position({ isin: 'US0378331005', payoff: 'SHORT', weight: 40 });
    expect(positionProblems([long, short])).toEqual([]);
  });

  it('do not compare tickers of securities with identifiers', () => {
    const a = position({ ticker: 'X', isin: 'US0378331005' });
    const b = position({ ticker: 'X', isin: 'US5949181045' });
    expect(positionProblems([a, b])).toEqual([]);
  });
});

describe('bounds', () => {
  it('refuse weights beyond ±1000 % and numbers that are not finite', () => {
    const huge = position({ weight: 1000.5 });
    const infinite = position({ weight: 0, marketValue: Number.POSITIVE_INFINITY });
    const nan = position({ weight: Number.NaN });
    const problems = positionProblems([huge, infinite, nan]);
    expect(problems).toEqual([
      { line: huge.line, reason: 'weight 1000.5 % is beyond ±1000 % of net assets' },
      { line: infinite.line, reason: 'market value is not a finite number' },
      { line: nan.line, reason: 'weight is not a finite number' },
    ]);
  });

  it('refuse a name longer than 500 characters', () => {
    const long = position({ name: 'n'.repeat(501), weight: 100 });
    expect(positionProblems([long])).toEqual([
      { line: long.line, reason: 'the name is 501 characters, more than 500' },
    ]);
  });
});

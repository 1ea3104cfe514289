import { describe, expect, it } from 'vitest';
import {
  comparableMetrics,
  describeCondition,
  formatValue,
  suggestedName,
  toScreenFilter,
} from '../../src/dashboard/alert-condition.js';

describe('an alert condition as the dashboard draws it', () => {
  it('becomes the ScreenFilter the API takes, fractions typed as percent', () => {
    expect(toScreenFilter({ metric: 'CLOSE', op: 'above', against: { number: 100 } })).toEqual({
      metric: 'CLOSE',
      gt: 100,
    });
    expect(toScreenFilter({ metric: 'RSI_14', op: 'below', against: { number: 30 } })).toEqual({
      metric: 'RSI_14',
      lt: 30,
    });
    expect(toScreenFilter({ metric: 'CLOSE', op: 'above', against: { metric: 'SMA_200' } })).toEqual({
      metric: 'CLOSE',
      gtMetric: 'SMA_200',
    });
    // 7 % is 0.07, not 0.07000000000000001.
    expect(toScreenFilter({ metric: 'RETURN_1D', op: 'below', against: { number: -7 } })).toEqual({
      metric: 'RETURN_1D',
      lt: -0.07,
    });
  });

  it('is named in words, as the list shows it', () => {
    expect(suggestedName({ metric: 'RSI_14', op: 'above', against: { number: 70 } })).toBe('RSI 14 above 70');
    expect(suggestedName({ metric: 'CLOSE', op: 'above', against: { metric: 'SMA_200' } })).toBe('Close above SMA 200');
    expect(suggestedName({ metric: 'RETURN_1D', op: 'above', against: { number: 2 } })).toBe('Return 1D above 2 %');
  });

  it('offers another metric only where it is a price level like the first', () => {
    expect(comparableMetrics('CLOSE')).toContain('SMA_200');
    expect(comparableMetrics('CLOSE')).not.toContain('CLOSE');
    expect(comparableMetrics('RSI_14')).toEqual([]);
  });
});

describe('any condition the API holds, in words', () => {
  it('reads and, or, not, between and the lists', () => {
    expect(
      describeCondition({
        and: [
          { metric: 'RSI_14', lt: 30 },
          { or: [{ metric: 'FROM_HIGH_52W', lte: -0.2 }, { not: { metric: 'VOLUME', between: { min: 1, max: 5 } } }] },
        ],
      }),
    ).toBe('RSI 14 below 30 and (From 52-week high at or below -20 % or not (Volume between 1 and 5))');
    expect(describeCondition({ assetClass: ['EQUITY', 'BOND'], metric: 'CLOSE', gte: 10 })).toBe(
      'Close at or above 10 and asset class EQUITY or BOND',
    );
    expect(describeCondition(null)).toBe('a condition');
  });

  it('shows event values in their units', () => {
    expect(formatValue('CLOSE', 105)).toBe('105.00');
    expect(formatValue('RETURN_1D', 0.0234)).toBe('2.34 %');
    expect(formatValue('VOLUME', 1234)).toBe('1234');
    expect(formatValue('RSI_14', null)).toBe('—');
  });
});

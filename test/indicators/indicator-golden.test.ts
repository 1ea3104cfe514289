// Every kernel against R's TTR (scripts/golden/ttr-fixtures.R) on the real ttrc
// bars and on edge cases of our own, to |value − reference| ≤ 1e-9·max(1, |reference|).
// null in a fixture is "not defined"; the kernel must give NaN (served as null) there.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type Companions, INDICATORS, type IndicatorName, type Params } from '../../src/indicators/catalog.js';
import type { Bars } from '../../src/prices/history.js';

type Columns = Record<keyof Bars, number[] | number> & { date: string[] | string };

type Fixture = {
  source: string;
  bars: Columns;
  /** The benchmark of the beta cases: its own dates, some the bars lack and the other way round. */
  benchmark: Columns & { ticker: string };
  cases: {
    indicator: IndicatorName;
    params: Params;
    outputs: Record<string, (number | null)[] | number | null>;
  }[];
};

const asArray = <T>(value: T[] | T): T[] => (Array.isArray(value) ? value : [value]);

function columns(source: Columns) {
  const column = (key: keyof Bars) => Float64Array.from(asArray(source[key]));
  const bars: Bars = {
    open: column('open'),
    high: column('high'),
    low: column('low'),
    close: column('close'),
    volume: column('volume'),
  };
  return { dates: asArray(source.date), bars };
}

function load(name: string) {
  const fixture = JSON.parse(
    readFileSync(new URL(`../fixtures/indicators/${name}.json`, import.meta.url), 'utf8'),
  ) as Fixture;
  const { dates, bars } = columns(fixture.bars);
  const companions: Companions = { dates, benchmark: columns(fixture.benchmark) };
  return { fixture, bars, companions };
}

/**
 * The absolute difference allowed at one cell: 1e-9 relative; and, for the
 * range estimators of volatility, 1e-7 where TTR's value is below 1e-7 (the
 * square root of running-sum residue in a flat window: Node's Math.log and
 * glibc's log differ by an ulp on some arguments, and that residue is made of
 * nothing else; see the JavaScript note of the TTR spec).
 */
function allowance(indicator: IndicatorName, params: Params, reference: number): number {
  const relative = 1e-9 * Math.max(1, Math.abs(reference));
  const logResidue = indicator === 'volatility' && params.estimator !== 'CLOSE' && Math.abs(reference) < 1e-7;
  return logResidue ? Math.max(relative, 1e-7) : relative;
}

/** The first index where kernel and reference disagree, or -1. */
function firstMismatch(actual: Float64Array, expected: (number | null)[], tolerance: (reference: number) => number) {
  if (actual.length !== expected.length) return 0;
  for (let i = 0; i < expected.length; i++) {
    const reference = expected[i] ?? null;
    const value = actual[i] as number;
    if (reference === null) {
      if (Number.isFinite(value)) return i;
    } else if (!(Math.abs(value - reference) <= tolerance(reference))) {
      return i;
    }
  }
  return -1;
}

describe.each(['ttrc', 'edge', 'short', 'single'])('golden values from TTR: %s', (set) => {
  const { fixture, bars, companions } = load(set);

  it('covers every indicator of the catalog', () => {
    expect(new Set(fixture.cases.map((c) => c.indicator))).toEqual(new Set(Object.keys(INDICATORS)));
  });

  it.each(fixture.cases.map((c) => [`${c.indicator}(${JSON.stringify(c.params)})`, c] as const))('%s', (_label, c) => {
    const outputs = INDICATORS[c.indicator].compute(bars, c.params, companions) as Record<string, Float64Array>;
    for (const [field, expected] of Object.entries(c.outputs)) {
      const actual = outputs[field];
      expect(actual, `output ${field}`).toBeDefined();
      const reference = asArray(expected);
      const at = firstMismatch(actual as Float64Array, reference, (value) => allowance(c.indicator, c.params, value));
      expect(at === -1 ? 'ok' : `${field}[${at}] = ${actual?.[at]}, TTR: ${reference[at]}`).toBe('ok');
    }
  });
});

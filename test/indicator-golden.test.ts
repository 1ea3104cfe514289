// Every kernel against R's TTR (scripts/golden/ttr-fixtures.R) on the real ttrc
// bars and on edge cases of our own, to |value − reference| ≤ 1e-9·max(1, |reference|).
// null in a fixture is "not defined"; the kernel must give NaN (served as null) there.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { INDICATORS, type IndicatorName } from '../src/indicators/catalog.js';
import type { Bars } from '../src/indicators/kernels/series.js';

type Fixture = {
  source: string;
  bars: Record<keyof Bars, number[] | number>;
  cases: {
    indicator: IndicatorName;
    params: Record<string, number>;
    outputs: Record<string, (number | null)[] | number | null>;
  }[];
};

const asArray = <T>(value: T[] | T): T[] => (Array.isArray(value) ? value : [value]);

function load(name: string) {
  const fixture = JSON.parse(
    readFileSync(new URL(`./fixtures/indicators/${name}.json`, import.meta.url), 'utf8'),
  ) as Fixture;
  const column = (key: keyof Bars) => Float64Array.from(asArray(fixture.bars[key]));
  const bars: Bars = {
    open: column('open'),
    high: column('high'),
    low: column('low'),
    close: column('close'),
    volume: column('volume'),
  };
  return { fixture, bars };
}

/** The first index where kernel and reference disagree, or -1. */
function firstMismatch(actual: Float64Array, expected: (number | null)[]): number {
  if (actual.length !== expected.length) return 0;
  for (let i = 0; i < expected.length; i++) {
    const reference = expected[i] ?? null;
    const value = actual[i] as number;
    if (reference === null) {
      if (Number.isFinite(value)) return i;
    } else if (!(Math.abs(value - reference) <= 1e-9 * Math.max(1, Math.abs(reference)))) {
      return i;
    }
  }
  return -1;
}

describe.each(['ttrc', 'edge', 'short', 'single'])('golden values from TTR: %s', (set) => {
  const { fixture, bars } = load(set);

  it('covers all 17 indicators', () => {
    expect(new Set(fixture.cases.map((c) => c.indicator))).toEqual(new Set(Object.keys(INDICATORS)));
  });

  it.each(fixture.cases.map((c) => [`${c.indicator}(${JSON.stringify(c.params)})`, c] as const))('%s', (_label, c) => {
    const outputs = INDICATORS[c.indicator].compute(bars, c.params) as Record<string, Float64Array>;
    for (const [field, expected] of Object.entries(c.outputs)) {
      const actual = outputs[field];
      expect(actual, `output ${field}`).toBeDefined();
      const reference = asArray(expected);
      const at = firstMismatch(actual as Float64Array, reference);
      expect(at === -1 ? 'ok' : `${field}[${at}] = ${actual?.[at]}, TTR: ${reference[at]}`).toBe('ok');
    }
  });
});

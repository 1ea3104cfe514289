// Back-adjustment written out plainly, from the definition: the oracle that
// the API's adjusted SQL is checked against (corporate actions, performance,
// correlation).
import type { PriceBar } from '../../src/prices/history.js';

export type Action = { kind: 'SPLIT' | 'DIVIDEND'; date: string; value: number };

/** Bars before a split divided by its ratio (volumes multiplied); before an ex-date times 1 − amount / the close before it. */
export function backAdjust<Bar extends PriceBar>(bars: readonly Bar[], actions: readonly Action[]): Bar[] {
  return bars.map((bar) => {
    let price = 1;
    let volume = 1;
    for (const action of actions) {
      if (action.date <= bar.date) continue;
      if (action.kind === 'SPLIT') {
        price /= action.value;
        volume *= action.value;
      } else {
        const prior = bars.filter((b) => b.date < action.date).at(-1) as Bar;
        price *= 1 - action.value / prior.close;
      }
    }
    return {
      ...bar,
      open: bar.open * price,
      high: bar.high * price,
      low: bar.low * price,
      close: bar.close * price,
      volume: bar.volume * volume,
    };
  });
}

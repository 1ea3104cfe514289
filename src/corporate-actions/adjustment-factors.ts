// The factors that back-adjust an ETF's prices for its splits and dividends,
// derived from the actions and the raw closes and stored on corporate_action
// (see the model's comment). Rewritten inside every transaction that changes an
// action or a bar, so that adjusted reads never see stale factors.
import type pg from 'pg';
import type { IsoDate } from '../dates.js';
import { badInput } from '../errors.js';
import { closeBefore } from '../prices/bar-dates.js';
import { adjustmentFactorProblem } from '../prices/bar-values.js';

type ActionRow = {
  date: IsoDate;
  kind: 'SPLIT' | 'DIVIDEND';
  value: number;
  cumulative_price_factor: number;
  cumulative_volume_factor: number;
  prior_close: number | null;
};

// Latest first (and DIVIDEND before SPLIT on one date, the reverse of the
// lookup's order), so the running product reaches each action with every later one in it.
const ACTIONS = `/* actions-with-prior-close */
  SELECT a.date::text AS date, a.kind, a.value, a.cumulative_price_factor, a.cumulative_volume_factor,
         ${closeBefore('a.etf_id', 'a.date')} AS prior_close
  FROM corporate_action a
  WHERE a.etf_id = $1
  ORDER BY a.date DESC, a.kind DESC`;

/** An ETF's actions with the close before each (test/prices/read-plans.test.ts holds it to one probe per action). */
export const actionsStatement = (etfId: number): pg.QueryConfig => ({ text: ACTIONS, values: [etfId] });

const WRITE = `/* write-adjustment-factors */
  UPDATE corporate_action a SET price_factor = f.price, volume_factor = f.volume,
         cumulative_price_factor = f.cumulative_price, cumulative_volume_factor = f.cumulative_volume
  FROM unnest($2::date[], $3::"CorporateActionKind"[], $4::float8[], $5::float8[], $6::float8[], $7::float8[])
       AS f(date, kind, price, volume, cumulative_price, cumulative_volume)
  WHERE a.etf_id = $1 AND a.date = f.date AND a.kind = f.kind`;

type AdjustmentState = {
  /** Whether any cumulative factor changed: every adjusted bar before it changed with it. */
  factorsChanged: boolean;
};

/** A dividend's own factor, or a problem when the close before its ex-date does not exceed it. */
export function dividendFactor(amount: number, priorClose: number | null, exDate: IsoDate): number | string {
  // With no bar before the ex-date there is nothing for the dividend to adjust.
  if (priorClose === null) return 1;
  if (amount >= priorClose) {
    return `the dividend of ${amount} ex ${exDate} is not below the close before its ex-date (${priorClose})`;
  }
  return 1 - amount / priorClose;
}

/** Runs inside the caller's transaction; throws BAD_USER_INPUT (rolling it back) on an impossible dividend. */
export async function refreshAdjustmentFactors(client: pg.ClientBase, etfId: number): Promise<AdjustmentState> {
  const { rows } = await client.query<ActionRow>(actionsStatement(etfId));
  if (rows.length === 0) return { factorsChanged: false };
  let cumulativePrice = 1;
  let cumulativeVolume = 1;
  let factorsChanged = false;
  const columns = { date: [] as IsoDate[], kind: [] as string[], price: [] as number[], volume: [] as number[] };
  const cumulative = { price: [] as number[], volume: [] as number[] };
  for (const row of rows) {
    let price: number;
    let volume = 1;
    if (row.kind === 'SPLIT') {
      price = 1 / row.value;
      volume = row.value;
    } else {
      const factor = dividendFactor(row.value, row.prior_close, row.date);
      if (typeof factor === 'string') throw badInput([{ path: 'bars', message: factor }]);
      price = factor;
    }
    cumulativePrice *= price;
    cumulativeVolume *= volume;
    const extreme = adjustmentFactorProblem(cumulativePrice) ?? adjustmentFactorProblem(cumulativeVolume);
    if (extreme) {
      throw badInput([
        { path: 'bars', message: `the actions up to ${row.date} combine to an adjustment factor that ${extreme}` },
      ]);
    }
    if (cumulativePrice !== row.cumulative_price_factor || cumulativeVolume !== row.cumulative_volume_factor) {
      factorsChanged = true;
    }
    columns.date.push(row.date);
    columns.kind.push(row.kind);
    columns.price.push(price);
    columns.volume.push(volume);
    cumulative.price.push(cumulativePrice);
    cumulative.volume.push(cumulativeVolume);
  }
  if (factorsChanged) {
    await client.query(WRITE, [
      etfId,
      columns.date,
      columns.kind,
      columns.price,
      columns.volume,
      cumulative.price,
      cumulative.volume,
    ]);
  }
  return { factorsChanged };
}

// SQL fragments about the bar dates of one ETF, one home each.
//
// "The close before a date": what a dividend's factor divides by, both when a
// dividend is recorded and when the factors are rewritten. One index probe of
// (etf_id, date) backwards; NULL when no bar precedes the date.
export const closeBefore = (etfId: string, date: string) =>
  `(SELECT close FROM daily_price p WHERE p.etf_id = ${etfId} AND p.date < ${date} ORDER BY p.date DESC LIMIT 1)`;

// "The date of an ETF's last bar": where the nightly update appends from, and
// how far stored indicators must reach. One backward probe of (etf_id, date);
// NULL when the ETF has no bars.
export const lastBarDate = (etfId: string) => `(SELECT max(p.date) FROM daily_price p WHERE p.etf_id = ${etfId})`;

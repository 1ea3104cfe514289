// Trading dates travel as "YYYY-MM-DD" strings: they have no time zone, and a
// string compares and sorts correctly without turning into a Date.

export type IsoDate = string;

/** GraphQL's Date scalar parses inputs to Dates at UTC midnight. */
export function toIsoDate(value: Date | string): IsoDate {
  return typeof value === 'string' ? value : value.toISOString().slice(0, 10);
}

export function todayUtc(): IsoDate {
  return new Date().toISOString().slice(0, 10);
}

/** The date `days` calendar days after `date` (before, when negative). */
export function addDays(date: IsoDate, days: number): IsoDate {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

// The descriptive fields of a position (ticker, country, currency) are read
// leniently: a value that is not recognised is stored as unknown and counted
// in the file's notes, never a refusal. They label a position; the CUSIP and
// ISIN identify it, and those are checked strictly.
import { countryCode, currencyCode, normalizeTicker, presentOrNull } from './identifiers.js';

export class LenientFields {
  private countries = 0;
  private currencies = 0;
  private tickers = 0;
  private derivedCusips = 0;

  country(raw: string | null | undefined): string | null {
    const code = countryCode(raw);
    if (code === null && presentOrNull(raw) !== null) this.countries++;
    return code;
  }

  currency(raw: string | null | undefined): string | null {
    const code = currencyCode(raw);
    if (code === null && presentOrNull(raw) !== null) this.currencies++;
    return code;
  }

  ticker(raw: string | null | undefined): string | null {
    const ticker = normalizeTicker(raw);
    if (ticker === null && presentOrNull(raw) !== null) this.tickers++;
    return ticker;
  }

  /** Counts a CUSIP taken from an ISIN, which the notes mention. */
  derivedCusip(): void {
    this.derivedCusips++;
  }

  notes(): string[] {
    const notes: string[] = [];
    const positions = (n: number) => (n === 1 ? '1 position has' : `${n} positions have`);
    if (this.countries > 0) notes.push(`${positions(this.countries)} a country not recognised (stored as unknown)`);
    if (this.currencies > 0) {
      notes.push(`${positions(this.currencies)} a currency that is not an ISO 4217 code (stored as unknown)`);
    }
    if (this.tickers > 0) notes.push(`${positions(this.tickers)} a ticker that is not one (stored as none)`);
    if (this.derivedCusips > 0) {
      const n = this.derivedCusips;
      notes.push(`${n === 1 ? '1 CUSIP was' : `${n} CUSIPs were`} taken from a US or Canadian ISIN`);
    }
    return notes;
  }
}

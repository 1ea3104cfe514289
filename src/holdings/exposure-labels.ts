// What a dashboard prints for an exposure key: a country's or currency's
// English name from the ICU data Node carries, an asset class in words.
import type { ExposureKey } from './read-holdings.js';

let regions: Intl.DisplayNames | undefined;
let currencies: Intl.DisplayNames | undefined;

function displayName(names: Intl.DisplayNames, code: string): string {
  try {
    return names.of(code) ?? code;
  } catch {
    return code;
  }
}

export function exposureLabel(by: ExposureKey, key: string | null): string {
  if (key === null) return 'Unknown';
  switch (by) {
    case 'COUNTRY':
      regions ??= new Intl.DisplayNames(['en'], { type: 'region' });
      return displayName(regions, key);
    case 'CURRENCY':
      currencies ??= new Intl.DisplayNames(['en'], { type: 'currency' });
      return displayName(currencies, key);
    case 'ASSET_CLASS':
      return key.charAt(0) + key.slice(1).toLowerCase().replaceAll('_', ' ');
    default:
      return key;
  }
}

// The provider PRICE_SOURCE names, with the settings it needs.
import type { Config } from '../config.js';
import { alphaVantageProvider } from './alphavantage.js';
import { eodhdProvider } from './eodhd.js';
import { genericProvider, type PriceProvider } from './price-provider.js';
import { tiingoProvider } from './tiingo.js';

/** The configured provider, or what to set for it (one line, naming the settings). */
export function configuredProvider(settings: Config['priceSource']): PriceProvider | string {
  switch (settings.source) {
    case 'generic':
      if (!settings.urlTemplate) return 'Set PRICE_SOURCE_URL, e.g. https://prices.example.com/daily/{ticker}.csv';
      return genericProvider(settings.urlTemplate);
    case 'tiingo':
      if (!settings.key) return 'Set PRICE_SOURCE_KEY to your Tiingo API token (PRICE_SOURCE=tiingo)';
      return tiingoProvider({ key: settings.key, baseUrl: settings.baseUrl });
    case 'alphavantage':
      if (!settings.key) return 'Set PRICE_SOURCE_KEY to your Alpha Vantage API key (PRICE_SOURCE=alphavantage)';
      return alphaVantageProvider({ key: settings.key, baseUrl: settings.baseUrl });
    case 'eodhd':
      if (!settings.key) return 'Set PRICE_SOURCE_KEY to your EODHD API token (PRICE_SOURCE=eodhd)';
      return eodhdProvider({ key: settings.key, baseUrl: settings.baseUrl });
  }
}

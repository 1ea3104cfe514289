// The ten tickers the limits tests chart: enough for a 10-ticker dashboard.
export const TEN_TICKERS = ['SPY', 'QQQ', 'IWM', 'EFA', 'EEM', 'AGG', 'TLT', 'GLD', 'VNQ', 'XLK'] as const;

// Time from the GraphQL response to the drawn chart, in headless Chromium: the
// dashboard's comparison of 10 tickers × 1,260 daily bars (5 years), loaded
// afresh each round. The page itself records the time (window.__etfql): from
// the moment the response arrives, through reading and parsing it, to the
// second animation frame after the chart was given its data.
import { existsSync } from 'node:fs';
import { CHART_TICKERS } from './chart-workload.js';
import { CHROMIUM_PATH, launchChromium } from './chromium.js';
import { median } from './measure.js';

const DRAW_ROUNDS = 15;

export async function measureDrawing(baseUrl: string): Promise<{ median: number; p90: number; bars: number } | null> {
  if (!existsSync(CHROMIUM_PATH)) return null;
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const url = `${baseUrl}/?view=compare&tickers=${CHART_TICKERS.join(',')}&range=5Y&interval=DAILY`;
    const times: number[] = [];
    let bars = 0;
    for (let round = 0; round < DRAW_ROUNDS + 2; round++) {
      await page.goto(url);
      await page.waitForFunction(() => (window.__etfql?.renders ?? 0) >= 1, undefined, { timeout: 30_000 });
      const timing = await page.evaluate(() => window.__etfql);
      bars = timing?.bars ?? 0;
      if (round >= 2 && timing) times.push(timing.lastDrawMs); // two warm-up loads
    }
    const sorted = [...times].sort((a, b) => a - b);
    return { median: median(times), p90: sorted[Math.floor(sorted.length * 0.9)] as number, bars };
  } finally {
    await browser.close();
  }
}

// Time from the GraphQL response to the drawn view, in headless Chromium: the
// dashboard's comparison of 10 tickers × 1,260 daily bars (5 years), and each
// view beside the chart (screen, risk, correlation, holdings) over the demo
// data, each loaded afresh every round. The page itself records the time
// (window.__etfql for the chart, window.__etfqlViews[mode] for the others):
// from the moment the response arrives, through reading and parsing it, to the
// second animation frame after the view was given its data.
import { existsSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { CHART_TICKERS } from './chart-workload.js';
import { CHROMIUM_PATH, launchChromium } from './chromium.js';
import { median } from './measure.js';

const DRAW_ROUNDS = 15;
const WARM_UP = 2;

type PanelMode = 'screen' | 'risk' | 'correlation' | 'holdings';
export type DrawTiming = { label: string; median: number; p90: number; target: string };

/** The views beside the chart, each as large as a user would ask for: the most the view takes, or a full page. */
const VIEWS: { mode: PanelMode; label: string; query: string }[] = [
  {
    mode: 'screen',
    label: 'screen: 10 rows, sparklines, sorted',
    query: 'view=screen&where=RETURN_1Y:gt:-1,class:in:EQUITY|FIXED_INCOME|COMMODITY&sort=RETURN_1Y:desc',
  },
  { mode: 'risk', label: `risk: ${CHART_TICKERS.length} ETFs`, query: `view=risk&tickers=${CHART_TICKERS.join(',')}` },
  {
    mode: 'correlation',
    label: `correlation: ${CHART_TICKERS.length} × ${CHART_TICKERS.length}, 1,260 returns`,
    query: `view=correlation&tickers=${CHART_TICKERS.join(',')}&last=1260`,
  },
  {
    mode: 'holdings',
    label: 'holdings: 5 ETFs, look-through',
    query: 'view=holdings&tickers=SPY,QQQ,VTI,EFA,AOR',
  },
];

function summary(label: string, times: number[], target: string): DrawTiming {
  const sorted = [...times].sort((a, b) => a - b);
  return { label, median: median(times), p90: sorted[Math.floor(sorted.length * 0.9)] as number, target };
}

/** Loads `url` afresh each round (two warm-up loads first) and keeps the draw time the page recorded. */
async function drawTimes(page: Page, url: string, drawnMs: () => Promise<number | null>): Promise<number[]> {
  const times: number[] = [];
  for (let round = 0; round < DRAW_ROUNDS + WARM_UP; round++) {
    await page.goto(url);
    const ms = await drawnMs();
    if (ms === null) throw new Error(`${url}: not drawn`);
    if (round >= WARM_UP) times.push(ms);
  }
  return times;
}

export async function measureDrawing(baseUrl: string): Promise<{ views: DrawTiming[]; bars: number } | null> {
  if (!existsSync(CHROMIUM_PATH)) return null;
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    let bars = 0;
    const chart = await drawTimes(
      page,
      `${baseUrl}/?view=compare&tickers=${CHART_TICKERS.join(',')}&range=5Y&interval=DAILY`,
      async () => {
        await page.waitForFunction(() => (window.__etfql?.renders ?? 0) >= 1, undefined, { timeout: 30_000 });
        const timing = await page.evaluate(() => window.__etfql);
        bars = timing?.bars ?? 0;
        return timing?.lastDrawMs ?? null;
      },
    );
    const views = [summary(`chart: compare 10 × ${bars / 10} daily`, chart, '< 200 ms')];
    for (const view of VIEWS) {
      const times = await drawTimes(page, `${baseUrl}/?${view.query}`, async () => {
        await page.waitForFunction((m) => (window.__etfqlViews?.[m]?.renders ?? 0) >= 1, view.mode, {
          timeout: 30_000,
        });
        return page.evaluate((m) => window.__etfqlViews?.[m]?.lastDrawMs ?? null, view.mode);
      });
      views.push(summary(view.label, times, '< 300 ms'));
    }
    return { views, bars };
  } finally {
    await browser.close();
  }
}

// What the views beside the chart share: their one container, small DOM
// builders, scrollable tables (a wide table scrolls inside the view, never
// the page, at 375 px), and the draw-time record the tests and bench read.
import { lastResponseAt } from './api.js';
import { painted } from './charts.js';
import { $ } from './page.js';
import type { Mode } from './view-state.js';

export const panel = $<HTMLDivElement>('#panel');

type Timing = { renders: number; lastDrawMs: number };

declare global {
  interface Window {
    /** Per view beside the chart: draws so far, and the last one's time from its response to its paint. */
    __etfqlViews?: Partial<Record<Mode, Timing>>;
  }
}

window.__etfqlViews = {};

/** Records a drawn view: from its response's arrival to the second frame after its DOM was built. */
export async function recordPanelDraw(mode: Mode): Promise<void> {
  await painted();
  const timings = window.__etfqlViews ?? {};
  const timing = timings[mode] ?? { renders: 0, lastDrawMs: 0 };
  timing.renders++;
  timing.lastDrawMs = performance.now() - lastResponseAt;
  timings[mode] = timing;
}

type Child = Node | string;

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Partial<Record<string, string>> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (value === undefined) continue;
    if (name === 'className') element.className = value;
    else element.setAttribute(name, value);
  }
  element.append(...children);
  return element;
}

/** A table of text cells in a box that scrolls sideways when it is wider than the view. */
export function textTable(
  caption: string,
  head: readonly Child[],
  rows: readonly (readonly Child[])[],
  className = '',
): HTMLDivElement {
  const table = el(
    'table',
    { className },
    el('caption', {}, caption),
    el('thead', {}, el('tr', {}, ...head.map((cell) => el('th', { scope: 'col' }, cell)))),
    el(
      'tbody',
      {},
      ...rows.map((row) =>
        el('tr', {}, ...row.map((cell, i) => (i === 0 ? el('th', { scope: 'row' }, cell) : el('td', {}, cell)))),
      ),
    ),
  );
  return el('div', { className: 'table-scroll' }, table);
}

/** Horizontal bars for weights in percent (exposure), largest first as given. */
export function barList(
  caption: string,
  slices: readonly { label: string; weight: number }[],
  text: (weight: number) => string,
) {
  const max = Math.max(1, ...slices.map((slice) => slice.weight));
  return el(
    'figure',
    { className: 'bars' },
    el('figcaption', {}, caption),
    el(
      'ul',
      {},
      ...slices.map((slice) => {
        const bar = el('span', { className: 'bar' });
        bar.style.width = `${Math.max(0, (100 * slice.weight) / max)}%`;
        return el(
          'li',
          {},
          el('span', { className: 'bar-label' }, slice.label),
          el('span', { className: 'bar-track' }, bar),
          el('span', { className: 'bar-value' }, text(slice.weight)),
        );
      }),
    ),
  );
}

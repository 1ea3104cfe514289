// The size of a page of a Relay list (etfs, screen): one cap, one message.
import type { InputProblem } from '../errors.js';

export const MAX_PAGE = 100;
export const DEFAULT_PAGE = 20;

/**
 * Problems with the page sizes asked for (`first`, `last`), each naming its
 * argument: a size above MAX_PAGE is refused, never clamped. `min` is 0 where
 * an empty page is useful (a connection's totalCount alone).
 */
export function pageSizeProblems(sizes: Record<string, number | null | undefined>, min = 1): InputProblem[] {
  return Object.entries(sizes).flatMap(([path, size]) =>
    size == null || (Number.isInteger(size) && size >= min && size <= MAX_PAGE)
      ? []
      : [{ path, message: `must be from ${min} to ${MAX_PAGE}, got ${size}` }],
  );
}

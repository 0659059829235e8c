import { hasSelectors, type ListQuery } from './list-query.js';

export interface Page {
  readonly ids: readonly number[];
  /** Key of the last item returned, when more may follow. */
  readonly continueAfter: string | null;
  /** Items left after this page, when there is no selector (as the apiserver reports it). */
  readonly remaining: number | null;
}

/** First index whose key sorts after `key`, in ids sorted by key. */
function firstAfter(ids: ArrayLike<number>, keyOf: (id: number) => string, key: string): number {
  let lo = 0;
  let hi = ids.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (keyOf(ids[mid] ?? 0) <= key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * One page of a list: resume after the continue key, keep what matches, stop at the limit.
 * `ids` are the candidates in key order; nothing is rendered here, only chosen.
 */
export function selectPage(
  ids: ArrayLike<number>,
  keyOf: (id: number) => string,
  matches: (id: number) => boolean,
  query: ListQuery,
): Page {
  const out: number[] = [];
  let i = query.after === null ? 0 : firstAfter(ids, keyOf, query.after);
  for (; i < ids.length; i++) {
    const id = ids[i] ?? 0;
    if (!matches(id)) continue;
    if (query.limit !== null && out.length === query.limit) {
      const last = out[out.length - 1] ?? 0;
      return { ids: out, continueAfter: keyOf(last), remaining: hasSelectors(query) ? null : ids.length - i };
    }
    out.push(id);
  }
  return { ids: out, continueAfter: null, remaining: null };
}

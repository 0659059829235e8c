import { jsonList, mapIterable } from './json-list.js';
import type { Page } from './list-page.js';
import { encodeContinue, type ListQuery } from './list-query.js';
import { JSON_TYPE, type SimResponse } from './sim-response.js';

/**
 * A core/v1 list. Its resourceVersion is the version the list started at (kept across pages in
 * the continue token); the items themselves are always current.
 */
export function listResponse(kind: string, current: number, query: ListQuery, page: Page, render: (id: number) => unknown): SimResponse {
  const rv = query.continuedFrom ?? current;
  const metadata = {
    resourceVersion: String(rv),
    ...(page.continueAfter === null ? {} : { continue: encodeContinue(rv, page.continueAfter) }),
    ...(page.continueAfter === null || page.remaining === null ? {} : { remainingItemCount: page.remaining }),
  };
  return { status: 200, contentType: JSON_TYPE, body: jsonList(kind, 'v1', metadata, mapIterable(page.ids, render)) };
}

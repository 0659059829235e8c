import { jsonList, mapIterable } from './json-list.js';
import type { Page } from './list-page.js';
import { encodeContinue, type ListQuery } from './list-query.js';
import { JSON_TYPE, jsonResponse, type SimResponse } from './sim-response.js';
import { type Tabular, tableBody } from './table-format.js';

/** How a kind of object is served: as itself, or as table rows when the client asks for a Table. */
export interface Presentation {
  readonly kind: string;
  object(id: number, withType: boolean): unknown;
  /** Set when the client asked for server-side printing. */
  readonly table: Tabular | null;
}

/**
 * A core/v1 list. Its resourceVersion is the version the list started at (kept across pages in
 * the continue token); the items themselves are always current.
 */
export function listResponse(presentation: Presentation, current: number, query: ListQuery, page: Page): SimResponse {
  const rv = query.continuedFrom ?? current;
  const metadata = {
    resourceVersion: String(rv),
    ...(page.continueAfter === null ? {} : { continue: encodeContinue(rv, page.continueAfter) }),
    ...(page.continueAfter === null || page.remaining === null ? {} : { remainingItemCount: page.remaining }),
  };
  const body = presentation.table
    ? tableBody(presentation.table, metadata, page.ids)
    : jsonList(
        `${presentation.kind}List`,
        'v1',
        metadata,
        mapIterable(page.ids, (id) => presentation.object(id, false)),
      );
  return { status: 200, contentType: JSON_TYPE, body };
}

export function objectResponse(presentation: Presentation, id: number): SimResponse {
  if (presentation.table) return { status: 200, contentType: JSON_TYPE, body: tableBody(presentation.table, {}, [id]) };
  return jsonResponse(200, presentation.object(id, true));
}

const BATCH = 64 * 1024;

/**
 * A JSON document whose last field is a long array, produced as it is sent: the head first,
 * then items rendered one by one and handed out in ~64 KiB batches.
 */
export function* jsonStream(head: Readonly<Record<string, unknown>>, field: string, items: Iterable<unknown>): Generator<string> {
  let batch = `${JSON.stringify(head).slice(0, -1)},"${field}":[`;
  let first = true;
  for (const item of items) {
    batch += (first ? '' : ',') + JSON.stringify(item);
    first = false;
    if (batch.length >= BATCH) {
      yield batch;
      batch = '';
    }
  }
  yield `${batch}]}\n`;
}

/** A list body; field order follows Go's: kind, apiVersion, metadata, items. */
export function jsonList(kind: string, apiVersion: string, metadata: object, items: Iterable<unknown>): Generator<string> {
  return jsonStream({ kind, apiVersion, metadata }, 'items', items);
}

export function* mapIterable<T, U>(items: Iterable<T>, f: (item: T) => U): Generator<U> {
  for (const item of items) yield f(item);
}

const BATCH = 64 * 1024;

/**
 * A list body, produced as it is sent: the envelope first, then items rendered one by one and
 * handed out in ~64 KiB batches. Field order follows Go's: kind, apiVersion, metadata, items.
 */
export function* jsonList(kind: string, apiVersion: string, metadata: object, items: Iterable<unknown>): Generator<string> {
  let batch = `{"kind":"${kind}","apiVersion":"${apiVersion}","metadata":${JSON.stringify(metadata)},"items":[`;
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

export function* mapIterable<T, U>(items: Iterable<T>, f: (item: T) => U): Generator<U> {
  for (const item of items) yield f(item);
}

import type { Pulse } from './pulse.js';
import type { SimWorld } from './sim-world.js';
import { statusObject } from './status-body.js';
import type { SimEvent } from './timeline.js';

export interface WatchTarget {
  /** Kind for bookmark objects. */
  readonly kind: 'Pod' | 'Node' | 'Namespace';
  /** Objects matching the watch now, for the initial ADDED events. */
  initial(): Iterable<unknown>;
  /** The event's object, or null when the event is for something this watch does not see. */
  render(event: SimEvent): unknown | null;
}

export interface WatchOptions {
  /** Where to resume; null starts with ADDED events for everything that exists. */
  readonly resourceVersion: number | null;
  readonly sendInitialEvents: boolean;
  readonly bookmarks: boolean;
  readonly timeoutMs: number;
}

const BOOKMARK_EVERY = 60_000;
const BATCH = 64 * 1024;

const line = (type: string, object: unknown) => `${JSON.stringify({ type, object })}\n`;

// Go serialises a bookmark's object as an empty Pod, Node or Namespace carrying only the version.
const EMPTY: Record<WatchTarget['kind'], object> = {
  Pod: { spec: { containers: null }, status: {} },
  Node: { spec: {}, status: { daemonEndpoints: { kubeletEndpoint: { Port: 0 } }, nodeInfo: {} } },
  Namespace: { spec: {}, status: {} },
};

function bookmark(kind: WatchTarget['kind'], rv: number, initialEventsEnd: boolean): string {
  const metadata = {
    resourceVersion: String(rv),
    creationTimestamp: null,
    ...(initialEventsEnd ? { annotations: { 'k8s.io/initial-events-end': 'true' } } : {}),
  };
  return line('BOOKMARK', { kind, apiVersion: 'v1', metadata, ...EMPTY[kind] });
}

/** The apiserver's cacheWatcher schedule: about every minute, and 2s before the watch times out. */
function nextBookmark(now: number, deadline: number): number {
  const at = Math.min(now + BOOKMARK_EVERY, deadline - 2000);
  return at > now ? at : Number.POSITIVE_INFINITY;
}

function* initialEvents(target: WatchTarget): Generator<string> {
  let batch = '';
  for (const object of target.initial()) {
    batch += line('ADDED', object);
    if (batch.length >= BATCH) {
      yield batch;
      batch = '';
    }
  }
  if (batch) yield batch;
}

function expired(rv: number, current: number): string {
  return line('ERROR', statusObject(410, 'Expired', `too old resource version: ${rv} (${current})`));
}

/** A watch body: newline-delimited events until the timeout, the client leaving, or the sim stopping. */
export async function* watchEvents(
  world: SimWorld,
  pulse: Pulse,
  target: WatchTarget,
  options: WatchOptions,
  signal: AbortSignal,
): AsyncGenerator<string> {
  const started = Date.now();
  const deadline = started + options.timeoutMs;
  let cursor = options.resourceVersion ?? world.timeline.resourceVersion;
  if (options.resourceVersion === null || options.sendInitialEvents) {
    yield* initialEvents(target);
    if (options.sendInitialEvents && options.bookmarks) yield bookmark(target.kind, cursor, true);
  }
  let bookmarkAt = options.bookmarks ? nextBookmark(started, deadline) : Number.POSITIVE_INFINITY;
  while (!signal.aborted) {
    world.sync();
    const events = world.timeline.since(cursor);
    if (events === 'expired') {
      yield expired(cursor, world.timeline.resourceVersion);
      return;
    }
    const out = events.map((e) => target.render(e)).flatMap((object, i) => (object === null ? [] : [line(events[i]?.type ?? '', object)]));
    cursor = world.timeline.resourceVersion;
    if (out.length > 0) yield out.join('');
    const now = Date.now();
    if (now >= deadline) return;
    if (now >= bookmarkAt) {
      yield bookmark(target.kind, cursor, false);
      bookmarkAt = nextBookmark(now, deadline);
    }
    await pulse.wait(Math.min(deadline, bookmarkAt) - now, signal);
  }
}

// A first frame on a big cluster shows what comes quickly (the nodes and their figures) and does
// not wait for what takes long (150,000 pods, their 50 MB of metrics): those fill in as they come.

/** How long a first frame waits for a big read; a typical cluster's reads are all in by then. */
export const FIRST_FRAME_WAIT_MS = 1_000;

/** Resolves false after `ms` (never, for an infinite wait): the losing side of a race. */
export function timeout(ms: number): Promise<false> {
  return new Promise((resolve) => {
    if (Number.isFinite(ms)) setTimeout(() => resolve(false), ms).unref();
  });
}

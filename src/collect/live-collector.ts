import type { ClusterReader } from './cluster-reader.js';
import { Collector, type CollectorOptions } from './collector.js';
import { FIRST_FRAME_WAIT_MS } from './first-frame.js';
import { WatchInventory, type WatchInventoryOptions } from './watch-inventory.js';

export interface LiveCollectorOptions
  extends Omit<CollectorOptions, 'reader' | 'inventory' | 'keepHistory' | 'podMetricsWaitMs' | 'podDisk'> {
  readonly reader: ClusterReader & WatchInventoryOptions['reader'];
}

/**
 * The collector of a screen that stays open, as `kmon` runs it and as the benchmarks measure it:
 * nodes and pods kept current by watches rather than re-lists, history kept for the sparklines,
 * and a big cluster's nodes drawn before its pods and their metrics are in.
 */
export function liveCollector(options: LiveCollectorOptions): Collector {
  const { reader, scope, selectors } = options;
  return new Collector({
    ...options,
    inventory: new WatchInventory({
      reader,
      namespace: scope.namespace,
      selectors: { pods: selectors?.pods },
      intervalMs: options.intervalMs,
    }),
    keepHistory: true,
    podDisk: 'sized',
    podMetricsWaitMs: FIRST_FRAME_WAIT_MS,
  });
}

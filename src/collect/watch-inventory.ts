import type { KubeClient } from '../kube/kube-client.js';
import type { NodeInfo, PodInfo } from '../model/records.js';
import { FIRST_FRAME_WAIT_MS } from './first-frame.js';
import type { Inventory, InventoryRefresh } from './inventory.js';
import type { Selectors } from './selectors.js';
import { WatchedList } from './watched-list.js';

export interface WatchInventoryOptions {
  readonly reader: Pick<KubeClient, 'listNodes' | 'listPods' | 'watchNodes' | 'watchPods'>;
  readonly namespace: string | null;
  readonly selectors?: Selectors;
  /** How long the first refresh waits for the pod list before answering with the nodes alone. */
  readonly podsWaitMs?: number;
  /** The poll interval: how often lists are read where watches are unavailable. */
  readonly intervalMs?: number;
}

const byUid = (item: { uid: string }) => item.uid;

/** Nodes and pods kept current by watches: the inventory of the live screen. */
export class WatchInventory implements Inventory {
  private readonly nodes: WatchedList<NodeInfo>;
  private readonly pods: WatchedList<PodInfo>;
  private readonly podsWaitMs: number;
  private listed: (() => void) | null = null;
  private recovered: (() => void) | null = null;

  constructor(options: WatchInventoryOptions) {
    const { reader, namespace, selectors = {}, intervalMs } = options;
    this.podsWaitMs = options.podsWaitMs ?? FIRST_FRAME_WAIT_MS;
    const onRecovered = () => this.recovered?.();
    this.nodes = new WatchedList({
      uid: byUid,
      list: () => reader.listNodes({ labelSelector: selectors.nodes }),
      watch: (w) => reader.watchNodes({ ...w, labelSelector: selectors.nodes }),
      onRecovered,
      noun: 'nodes',
      intervalMs,
    });
    this.pods = new WatchedList({
      uid: byUid,
      list: () => reader.listPods({ namespace, labelSelector: selectors.pods }),
      watch: (w) => reader.watchPods({ ...w, namespace, labelSelector: selectors.pods }),
      onListed: () => this.listed?.(),
      onRecovered,
      noun: 'pods',
      intervalMs,
    });
  }

  async refresh(now: number): Promise<InventoryRefresh> {
    const [nodes, pods] = await Promise.allSettled([this.nodes.sync(now), this.pods.sync(now, this.podsWaitMs)]);
    const skipped = this.nodes.skippedCount() + this.pods.skippedCount();
    return {
      state: { nodes: this.nodes.items(), pods: this.pods.items(), nodesAt: this.nodes.syncedAt(), podsAt: this.pods.syncedAt() },
      nodesError: nodes.status === 'rejected' ? nodes.reason : this.nodes.error(),
      podsError: pods.status === 'rejected' ? pods.reason : this.pods.error(),
      skipped: skipped ? `${skipped} invalid objects left out` : null,
      notices: [this.nodes.notice(), this.pods.notice()].filter((n) => n !== null),
    };
  }

  onListed(listener: () => void): void {
    this.listed = listener;
  }

  onRecovered(listener: () => void): void {
    this.recovered = listener;
  }

  retryNow(): void {
    this.nodes.retryNow();
    this.pods.retryNow();
  }

  close(): void {
    this.nodes.close();
    this.pods.close();
  }
}

import type { Listed } from '../kube/kube-client.js';
import type { ClusterReader } from './cluster-reader.js';
import type { Inventory, InventoryRefresh, InventoryState } from './inventory.js';
import type { Selectors } from './selectors.js';

export interface ListInventoryOptions {
  readonly reader: Pick<ClusterReader, 'listNodes' | 'listPods'>;
  readonly namespace: string | null;
  readonly selectors?: Selectors;
  /** Lists to read; a face that shows no pods need not list 150,000 of them. */
  readonly lists?: { readonly nodes: boolean; readonly pods: boolean };
}

function skippedText(lists: readonly PromiseSettledResult<Listed<unknown>>[]): string | null {
  let count = 0;
  let first: string | null = null;
  for (const list of lists) {
    if (list.status !== 'fulfilled' || list.value.skipped === 0) continue;
    count += list.value.skipped;
    first ??= list.value.firstProblem;
  }
  return count ? `${count} invalid objects left out (${first})` : null;
}

/** Re-lists nodes and pods (paged) on every refresh: simple and exact for small clusters. */
export class ListInventory implements Inventory {
  private state: InventoryState = { nodes: [], pods: [], nodesAt: null, podsAt: null };

  constructor(private readonly options: ListInventoryOptions) {}

  async refresh(now: number, signal?: AbortSignal): Promise<InventoryRefresh> {
    const { reader, namespace, selectors = {}, lists = { nodes: true, pods: true } } = this.options;
    const none = Promise.resolve({ items: [], skipped: 0, firstProblem: null, resourceVersion: '' });
    const [nodes, pods] = await Promise.allSettled([
      lists.nodes ? reader.listNodes({ labelSelector: selectors.nodes, signal }) : none,
      lists.pods ? reader.listPods({ namespace, labelSelector: selectors.pods, signal }) : none,
    ]);
    const previous = this.state;
    // A list not asked for has no time: it must not make the inventory look read when the other failed.
    this.state = {
      nodes: nodes.status === 'fulfilled' ? nodes.value.items : previous.nodes,
      nodesAt: nodes.status === 'fulfilled' && lists.nodes ? now : previous.nodesAt,
      pods: pods.status === 'fulfilled' ? pods.value.items : previous.pods,
      podsAt: pods.status === 'fulfilled' && lists.pods ? now : previous.podsAt,
    };
    return {
      state: this.state,
      nodesError: nodes.status === 'rejected' ? nodes.reason : null,
      podsError: pods.status === 'rejected' ? pods.reason : null,
      skipped: skippedText([nodes, pods]),
    };
  }

  close(): void {}
}

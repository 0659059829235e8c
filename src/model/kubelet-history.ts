import { HistoryStore } from './history.js';

// History of the kubelet's other figures, for the detail views' graphs. Nodes keep theirs while
// they exist; pods only while their node's figures are read in full (the nodes of pods on screen),
// so 150,000 pods do not carry five more series each.

export interface KubeletHistories {
  /** Per node UID: [cpu, memory, io] pressure, some avg10 %. */
  readonly nodePressure: HistoryStore;
  /** Per node UID: [received, transmitted] bytes a second. */
  readonly nodeNetwork: HistoryStore;
  /** Per pod UID: [most throttled container %]. */
  readonly podThrottling: HistoryStore;
  /** Per pod UID: [cpu, memory, io] pressure, some avg10 %. */
  readonly podPressure: HistoryStore;
  /** Per pod UID: [received, transmitted] bytes a second. */
  readonly podNetwork: HistoryStore;
}

export function kubeletHistories(depth: { readonly nodes: number; readonly pods: number }): KubeletHistories {
  return {
    nodePressure: new HistoryStore({ seriesCount: 3, depth: depth.nodes }),
    nodeNetwork: new HistoryStore({ seriesCount: 2, depth: depth.nodes }),
    podThrottling: new HistoryStore({ seriesCount: 1, depth: depth.pods }),
    podPressure: new HistoryStore({ seriesCount: 3, depth: depth.pods }),
    podNetwork: new HistoryStore({ seriesCount: 2, depth: depth.pods }),
  };
}

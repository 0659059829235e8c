import { useEffect, useMemo } from 'react';
import type { PodRow } from '../../model/pod-row.js';
import type { RowList } from '../row-list.js';
import { visibleStart } from '../visible-window.js';

export interface PodNodesInput {
  readonly pods: RowList<PodRow>;
  /** Lines of the pod pane, title and header included; 0 when it is not drawn. */
  readonly paneHeight: number;
  readonly selected: string | null;
  readonly scrollTop: number;
  /** The pod whose detail is open, if one is. */
  readonly detail: string | null;
  /** The node whose detail is open, if one is: its pods are read in full for its top disk users. */
  readonly detailNode: string | null;
}

/**
 * Tells `onPodNodes` which nodes host the pods on screen, the selected pod and the pod in detail,
 * and the node in detail:
 * their kubelets are read for throttling and their pods in full. Said again only when the set
 * changes, not on every frame.
 */
export function usePodNodes(input: PodNodesInput, onPodNodes: ((names: readonly string[]) => void) | undefined): void {
  const { pods, paneHeight, selected, scrollTop, detail, detailNode } = input;
  const names = useMemo(() => {
    const nodes = new Set<string>();
    const add = (position: number) => {
      if (position >= 0 && position < pods.length) nodes.add(pods.at(position).node);
    };
    const page = Math.max(0, paneHeight - 2);
    const index = Math.max(0, pods.indexOf(selected));
    const start = visibleStart(pods.length, index, scrollTop, page);
    for (let p = start; p < Math.min(pods.length, start + page); p++) add(p);
    add(pods.indexOf(selected));
    add(pods.indexOf(detail));
    if (detailNode) nodes.add(detailNode);
    nodes.delete('<none>');
    return [...nodes].sort().join('\n');
  }, [pods, paneHeight, selected, scrollTop, detail, detailNode]);
  useEffect(() => onPodNodes?.(names ? names.split('\n') : []), [names, onPodNodes]);
}

import { matchesSelector } from '../model/label-selector.js';
import { matchesFields } from './field-selector.js';
import { selectPage } from './list-page.js';
import type { ListQuery } from './list-query.js';
import { listResponse } from './list-response.js';
import { nodeLabels, renderNode } from './render-node.js';
import { jsonResponse, type SimResponse } from './sim-response.js';
import type { SimWorld } from './sim-world.js';
import { objectNotFound } from './status-body.js';
import type { WatchTarget } from './watch-stream.js';

export const NODE_FIELDS = ['metadata.name', 'spec.unschedulable'] as const;

function matcher(world: SimWorld, query: ListQuery): (index: number) => boolean {
  return (index) =>
    matchesSelector(query.labels, nodeLabels(world.layout, index)) &&
    matchesFields(query.fields, (f) =>
      f === 'metadata.name' ? (world.layout.nodes[index]?.name ?? '') : f === 'spec.unschedulable' ? 'false' : '',
    );
}

const render = (world: SimWorld, index: number, t: number, rv: number, withType: boolean) =>
  renderNode(world.layout, world.scenarios, index, t, rv, withType);

// Node names are zero-padded, so index order is name order.
const indices = (world: SimWorld) => world.layout.nodes.map((n) => n.index);

export function listNodes(world: SimWorld, query: ListQuery): SimResponse {
  const t = world.now;
  const keyOf = (index: number) => world.layout.nodes[index]?.name ?? '';
  const page = selectPage(indices(world), keyOf, matcher(world, query), query);
  return listResponse('NodeList', world.timeline.resourceVersion, query, page, (index) =>
    render(world, index, t, world.version({ kind: 'node', index }), false),
  );
}

export function getNode(world: SimWorld, name: string): SimResponse {
  const index = world.findNode(name);
  if (index === null) return objectNotFound('nodes', name);
  return jsonResponse(200, render(world, index, world.now, world.version({ kind: 'node', index }), true));
}

export function nodeWatch(world: SimWorld, query: ListQuery): WatchTarget {
  const matches = matcher(world, query);
  return {
    kind: 'Node',
    *initial() {
      const t = world.now;
      for (const index of indices(world)) if (matches(index)) yield render(world, index, t, world.version({ kind: 'node', index }), true);
    },
    render(event) {
      if (event.ref.kind !== 'node' || !matches(event.ref.index)) return null;
      return render(world, event.ref.index, event.renderAt, event.rv, true);
    },
  };
}

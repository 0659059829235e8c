import { NODE_COLUMNS, nodeRow } from './core-tables.js';
import { matchesFields } from './field-selector.js';
import { selects } from './label-selector.js';
import { selectPage } from './list-page.js';
import type { ListQuery } from './list-query.js';
import { listResponse, objectResponse, type Presentation } from './list-response.js';
import { nodeLabels, renderNode } from './render-node.js';
import type { SimResponse } from './sim-response.js';
import type { SimWorld } from './sim-world.js';
import { objectNotFound } from './status-body.js';
import type { WatchTarget } from './watch-stream.js';

export const NODE_FIELDS = ['metadata.name', 'spec.unschedulable'] as const;

function matcher(world: SimWorld, query: ListQuery): (index: number) => boolean {
  return (index) =>
    selects(query.labels, nodeLabels(world.layout, index)) &&
    matchesFields(query.fields, (f) =>
      f === 'metadata.name' ? (world.layout.nodes[index]?.name ?? '') : f === 'spec.unschedulable' ? 'false' : '',
    );
}

const render = (world: SimWorld, index: number, t: number, rv: number, withType: boolean, generation?: number) =>
  world.presence.identify({ kind: 'node', index }, renderNode(world.layout, world.scenarios, index, t, rv, withType), generation);

// Node names are zero-padded, so index order is name order. Nodes a fault removed are not listed.
const indices = (world: SimWorld) => world.layout.nodes.filter((n) => world.nodePresent(n.index)).map((n) => n.index);

function presentation(world: SimWorld, asTable: boolean): Presentation {
  const t = world.now;
  const object = (index: number, withType: boolean) => render(world, index, t, world.version({ kind: 'node', index }), withType);
  return { kind: 'Node', object, table: asTable ? { columns: NODE_COLUMNS, row: (index) => nodeRow(object(index, false), t) } : null };
}

export function listNodes(world: SimWorld, query: ListQuery, asTable: boolean): SimResponse {
  const keyOf = (index: number) => world.layout.nodes[index]?.name ?? '';
  const page = selectPage(indices(world), keyOf, matcher(world, query), query);
  return listResponse(presentation(world, asTable), world.timeline.resourceVersion, query, page);
}

export function getNode(world: SimWorld, name: string, asTable: boolean): SimResponse {
  const index = world.findNode(name);
  return index === null || !world.nodePresent(index) ? objectNotFound('nodes', name) : objectResponse(presentation(world, asTable), index);
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
      // A removed node's own DELETED carries its generation; scheduled changes to it are not seen.
      if (event.generation === undefined && !world.nodePresent(event.ref.index)) return null;
      return render(world, event.ref.index, event.renderAt, event.rv, true, event.generation);
    },
  };
}

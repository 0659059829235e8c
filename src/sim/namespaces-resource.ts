import { NAMESPACE_COLUMNS, namespaceRow } from './core-tables.js';
import { matchesFields } from './field-selector.js';
import { selects } from './label-selector.js';
import { selectPage } from './list-page.js';
import type { ListQuery } from './list-query.js';
import { listResponse, objectResponse, type Presentation } from './list-response.js';
import { renderNamespace } from './render-namespace.js';
import type { SimResponse } from './sim-response.js';
import type { SimWorld } from './sim-world.js';
import { objectNotFound } from './status-body.js';
import { NAMESPACES } from './system-workloads.js';
import type { WatchTarget } from './watch-stream.js';

export const NAMESPACE_FIELDS = ['metadata.name', 'status.phase'] as const;

const DAY = 86_400_000;

// Sorted, as the apiserver lists them.
const names = [...NAMESPACES].sort();

function render(world: SimWorld, name: string, withType: boolean) {
  const index = NAMESPACES.indexOf(name);
  return renderNamespace(world.layout.seed, name, index, world.layout.startedAt - 28 * DAY + index * 60_000, withType);
}

function matcher(world: SimWorld, query: ListQuery): (i: number) => boolean {
  return (i) => {
    const name = names[i] ?? '';
    return (
      world.presence.namespacePresent(name) &&
      selects(query.labels, { 'kubernetes.io/metadata.name': name }) &&
      matchesFields(query.fields, (f) => (f === 'metadata.name' ? name : f === 'status.phase' ? 'Active' : ''))
    );
  };
}

// Ids are positions in the sorted names.
function presentation(world: SimWorld, asTable: boolean): Presentation {
  const object = (i: number, withType: boolean) => render(world, names[i] ?? '', withType);
  return {
    kind: 'Namespace',
    object,
    table: asTable ? { columns: NAMESPACE_COLUMNS, row: (i) => namespaceRow(object(i, false), world.now) } : null,
  };
}

export function listNamespaces(world: SimWorld, query: ListQuery, asTable: boolean): SimResponse {
  const page = selectPage(
    names.map((_, i) => i),
    (i) => names[i] ?? '',
    matcher(world, query),
    query,
  );
  return listResponse(presentation(world, asTable), world.timeline.resourceVersion, query, page);
}

/** Namespaces never change while the sim runs: a watch sees them added, then only bookmarks. */
export function namespaceWatch(world: SimWorld, query: ListQuery): WatchTarget {
  const matches = matcher(world, query);
  return {
    kind: 'Namespace',
    *initial() {
      for (const [i, name] of names.entries()) if (matches(i)) yield render(world, name, true);
    },
    render: () => null,
  };
}

export function getNamespace(world: SimWorld, name: string, asTable: boolean): SimResponse {
  const i = names.indexOf(name);
  return i < 0 || !world.presence.namespacePresent(name)
    ? objectNotFound('namespaces', name)
    : objectResponse(presentation(world, asTable), i);
}

import { matchesSelector } from '../model/label-selector.js';
import { matchesFields } from './field-selector.js';
import { selectPage } from './list-page.js';
import type { ListQuery } from './list-query.js';
import { listResponse } from './list-response.js';
import { renderNamespace } from './render-namespace.js';
import { jsonResponse, type SimResponse } from './sim-response.js';
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

function matcher(query: ListQuery): (i: number) => boolean {
  return (i) => {
    const name = names[i] ?? '';
    return (
      matchesSelector(query.labels, { 'kubernetes.io/metadata.name': name }) &&
      matchesFields(query.fields, (f) => (f === 'metadata.name' ? name : f === 'status.phase' ? 'Active' : ''))
    );
  };
}

export function listNamespaces(world: SimWorld, query: ListQuery): SimResponse {
  const matches = matcher(query);
  const page = selectPage(
    names.map((_, i) => i),
    (i) => names[i] ?? '',
    matches,
    query,
  );
  return listResponse('NamespaceList', world.timeline.resourceVersion, query, page, (i) => render(world, names[i] ?? '', false));
}

/** Namespaces never change while the sim runs: a watch sees them added, then only bookmarks. */
export function namespaceWatch(world: SimWorld, query: ListQuery): WatchTarget {
  const matches = matcher(query);
  return {
    kind: 'Namespace',
    *initial() {
      for (const [i, name] of names.entries()) if (matches(i)) yield render(world, name, true);
    },
    render: () => null,
  };
}

export function getNamespace(world: SimWorld, name: string): SimResponse {
  return NAMESPACES.includes(name) ? jsonResponse(200, render(world, name, true)) : objectNotFound('namespaces', name);
}

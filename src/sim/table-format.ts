import { jsonStream, mapIterable } from './json-list.js';

// Server-side printing (meta.k8s.io/v1 Table): what `kubectl get` asks for first, with
// Accept: application/json;as=Table;v=v1;g=meta.k8s.io. Without it kubectl falls back to NAME and AGE.

export interface TableColumn {
  readonly name: string;
  readonly type: 'string' | 'integer';
  readonly format: string;
  readonly description: string;
  /** 0 shows by default, 1 only with -o wide. */
  readonly priority: 0 | 1;
}

export interface TableRow {
  readonly cells: readonly unknown[];
  /** The object's metadata, sent with the row as a PartialObjectMetadata. */
  readonly metadata: object;
}

/** How one kind of object is shown as table rows. */
export interface Tabular {
  readonly columns: readonly TableColumn[];
  row(id: number): TableRow;
}

export function column(name: string, description: string, priority: 0 | 1 = 0, format = ''): TableColumn {
  return { name, type: 'string', format, description, priority };
}

export function wantsTable(accept: string | undefined): boolean {
  return (accept ?? '').split(',').some((part) => /;\s*as=Table/.test(part) && /;\s*g=meta\.k8s\.io/.test(part));
}

export function tableBody(tabular: Tabular, listMetadata: object, ids: Iterable<number>): Generator<string> {
  const head = { kind: 'Table', apiVersion: 'meta.k8s.io/v1', metadata: listMetadata, columnDefinitions: tabular.columns };
  return jsonStream(
    head,
    'rows',
    mapIterable(ids, (id) => {
      const { cells, metadata } = tabular.row(id);
      return { cells, object: { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata } };
    }),
  );
}

export interface RequestRecord {
  readonly method: string;
  /** The request target as sent: path and query. */
  readonly path: string;
  /** 0 until the response head is written. */
  status: number;
  /** Simulated time of arrival (the injected clock). */
  readonly at: number;
  /** Real time of arrival (Date.now()), whatever the simulated clock says: for measuring load. */
  readonly arrivedAt: number;
  /** What it was for: "GET pods", "GET watch nodes", "GET kubelet summary"… (see requestKind). */
  readonly kind: string;
}

const KINDS: readonly [RegExp, string][] = [
  [/^\/api\/v1\/nodes\/[^/]+\/proxy\/stats\/summary$/, 'kubelet summary'],
  [/^\/api\/v1\/nodes\/[^/]+\/proxy\/metrics\/resource$/, 'kubelet metrics/resource'],
  [/^\/api\/v1\/nodes\/[^/]+\/proxy\/metrics\/cadvisor$/, 'kubelet metrics/cadvisor'],
  [/^\/api\/v1\/nodes\/[^/]+\/proxy\/configz$/, 'kubelet configz'],
  [/^\/api\/v1\/nodes\/[^/]+\/proxy(\/.*)?$/, 'kubelet other'],
  [/^\/api\/v1\/namespaces\/[^/]+\/services\/[^/]+\/proxy(\/.*)?$/, 'service proxy'],
  [/^\/apis\/metrics\.k8s\.io\/v1beta1\/nodes(\/[^/]+)?$/, 'metrics nodes'],
  [/^\/apis\/metrics\.k8s\.io\/v1beta1\/(namespaces\/[^/]+\/)?pods(\/[^/]+)?$/, 'metrics pods'],
  [/^\/api\/v1\/nodes(\/[^/]+)?$/, 'nodes'],
  [/^\/api\/v1\/(namespaces\/[^/]+\/)?pods(\/[^/]+)?$/, 'pods'],
  [/^\/api\/v1\/namespaces(\/[^/]+)?$/, 'namespaces'],
  [/^\/(version|api|apis)(\/[^/]+){0,2}$/, 'discovery'],
];

/** What a request was for: "GET pods", "GET watch nodes", "GET kubelet summary", "POST other". */
export function requestKind(method: string, target: string): string {
  const [path = '', query = ''] = target.split('?', 2);
  const kind = KINDS.find(([pattern]) => pattern.test(path))?.[1] ?? 'other';
  const watch = /(^|&)watch=(1|true)(&|$)/.test(query) ? 'watch ' : '';
  return `${method} ${watch}${kind}`;
}

/**
 * Every request, bounded: the last `capacity` records in arrival order, plus a count per kind that
 * never forgets. A 5,000-node benchmark makes millions of requests; the counts stay a few entries.
 */
export class RequestLog {
  private readonly ring: RequestRecord[] = [];
  private next = 0;
  private readonly counts = new Map<string, number>();
  total = 0;

  constructor(private readonly capacity = 10_000) {}

  add(method: string, path: string, at: number, arrivedAt: number): RequestRecord {
    const kind = requestKind(method, path);
    const record: RequestRecord = { method, path, status: 0, at, arrivedAt, kind };
    if (this.ring.length < this.capacity) this.ring.push(record);
    else this.ring[this.next] = record;
    this.next = (this.next + 1) % this.capacity;
    this.counts.set(kind, (this.counts.get(kind) ?? 0) + 1);
    this.total++;
    return record;
  }

  /** The kept records, oldest first. */
  records(): readonly RequestRecord[] {
    return this.ring.length < this.capacity ? [...this.ring] : [...this.ring.slice(this.next), ...this.ring.slice(0, this.next)];
  }

  /** The kept records that arrived at or after `at` (real time), oldest first. */
  since(at: number): readonly RequestRecord[] {
    return this.records().filter((r) => r.arrivedAt >= at);
  }

  countsByKind(): Readonly<Record<string, number>> {
    return Object.fromEntries(this.counts);
  }
}

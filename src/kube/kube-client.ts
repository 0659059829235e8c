import type * as z from 'zod/mini';
import type { CumulativeUsage } from '../model/cumulative-usage.js';
import type { EvictionPolicy } from '../model/eviction.js';
import type { NodeInfo, NodeSummary, NodeUsage, PodInfo } from '../model/records.js';
import type { CfsReading } from '../model/throttling.js';
import { CFS_FAMILIES, CfsCollector } from './decode/cadvisor-cfs.js';
import { type DecodedList, type ItemDecoder, issueText, ListCollector, schemaDecoder } from './decode/decode-list.js';
import { kubeletConfigSchema } from './decode/kubelet-config.js';
import { nodeMetricsSchema } from './decode/metrics.js';
import { nodeSchema } from './decode/node.js';
import { podSchema } from './decode/pod.js';
import { RESOURCE_FAMILIES, ResourceCollector } from './decode/resource-metrics.js';
import { summarySchema } from './decode/summary.js';
import { ItemSplitter } from './json-items.js';
import { closesWhole, leadingMember } from './json-member.js';
import { KubeError } from './kube-error.js';
import type { KubeTarget } from './kubeconfig/kube-target.js';
import { type DecodedPodUsage, InThreadPodMetrics, type PodMetricsDecoder } from './pod-metrics-list.js';
import { type PromSample, PromTextReader } from './prom-text-reader.js';
import { type PodFilter, podDiskBlocks } from './summary-pod-disk.js';
import type { Transport } from './transport.js';
import { type WatchHandlers, WatchStream } from './watch-stream.js';

export interface Timeouts {
  /** Lists and the Metrics API. */
  readonly requestMs: number;
  /** One kubelet summary through the node proxy. */
  readonly kubeletMs: number;
}

export interface Selection {
  /** null or undefined for all namespaces. */
  readonly namespace?: string | null;
  readonly labelSelector?: string;
  readonly signal?: AbortSignal;
}

export interface SummaryOptions {
  readonly signal?: AbortSignal;
  /** Whether the pods' figures are wanted (default true). */
  readonly pods?: boolean;
  /** Whether the pods' network and pressure are wanted as well as their disk (default: as `pods`). */
  readonly detail?: boolean;
  /** In a read without the pods' figures, whose disk use to keep (default: every pod's). */
  readonly podDisk?: PodFilter;
}

export interface Listed<T> extends DecodedList<T> {
  readonly resourceVersion: string;
}

export interface WatchRequest<T> extends Selection, WatchHandlers<T> {
  readonly resourceVersion: string;
  /** The server accepted the watch: changes flow from now on. */
  readonly onOpen?: () => void;
}

// The server ends each watch after this; the client then resumes from the last resourceVersion.
const WATCH_SECONDS = 300;
// Servers send a bookmark about every minute on an idle watch; past this silence it is presumed
// dead (a proxy that dropped it without a word) and is asked again.
const WATCH_SILENCE_MS = 150_000;

interface Page<T> extends Listed<T> {
  readonly continueToken: string | null;
}

// Pages of a few thousand: the apiserver still never builds one giant answer, and 150,000 pods
// take 30 requests rather than 300, which the request limiter (5 a second) would stretch to a minute.
const PAGE_SIZE = 5_000;
const MiB = 1024 * 1024;
const LIST_PAGE_MAX = 256 * MiB;
const METRICS_LIST_MAX = 4096 * MiB;
const SUMMARY_MAX = 16 * MiB;
// The real capture is 1.4 MB for a node of 17 pods: room for a node packed with hundreds.
const CADVISOR_MAX = 128 * MiB;
const RESOURCE_MAX = 16 * MiB;
const PROMETHEUS_TEXT = 'text/plain;version=0.0.4;q=0.9,*/*;q=0.1';
const CONFIGZ_MAX = MiB;

const decodeNode = schemaDecoder(nodeSchema);
const decodePod = schemaDecoder(podSchema);
const decodeNodeMetrics = schemaDecoder(nodeMetricsSchema);

/**
 * A summary's JSON; when the pods are not wanted and the answer is whole, the node's part and
 * only the pods' disk use (for ephemeral-storage alerts on every pod) without parsing the rest.
 */
function parseSummary(body: Buffer, pods: boolean, podDisk?: PodFilter): unknown {
  // Callers say which kubelet; the message says only what was wrong with its answer.
  const invalid = () => new KubeError('malformed', 'summary is not valid JSON');
  const node = pods ? null : leadingMember(body, 'node');
  try {
    if (!node) return JSON.parse(body.toString('utf8'));
    if (!closesWhole(body)) throw invalid();
    return { node: JSON.parse(node.toString('utf8')), pods: podDiskBlocks(body, podDisk) };
  } catch {
    throw invalid();
  }
}

function query(params: Record<string, string | number | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}

const seg = encodeURIComponent;

function collection(prefix: string, resource: string, namespace: string | null | undefined): string {
  return namespace ? `${prefix}/namespaces/${seg(namespace)}/${resource}` : `${prefix}/${resource}`;
}

/** Typed reads of the few apiserver paths kmon needs, each validated once on the way in. */
export class KubeClient {
  constructor(
    readonly target: KubeTarget,
    private readonly transport: Transport,
    private readonly timeouts: Timeouts,
    private readonly podMetricsDecoder: PodMetricsDecoder = new InThreadPodMetrics(),
  ) {}

  listNodes(selection: Selection = {}): Promise<Listed<NodeInfo>> {
    return this.listAll('/api/v1/nodes', selection, decodeNode);
  }

  listPods(selection: Selection = {}): Promise<Listed<PodInfo>> {
    return this.listAll(collection('/api/v1', 'pods', selection.namespace), selection, decodePod);
  }

  async nodeMetrics(selection: Selection = {}): Promise<DecodedList<NodeUsage>> {
    const path = `/apis/metrics.k8s.io/v1beta1/nodes${query({ labelSelector: selection.labelSelector })}`;
    return this.listOnce(path, selection.signal, decodeNodeMetrics, METRICS_LIST_MAX);
  }

  /** Pods' usage as columns, decoded where the client's PodMetricsDecoder does it (a worker, for the live screen). */
  async podMetrics(selection: Selection = {}): Promise<DecodedPodUsage> {
    const base = collection('/apis/metrics.k8s.io/v1beta1', 'pods', selection.namespace);
    const path = `${base}${query({ labelSelector: selection.labelSelector })}`;
    const sink = this.podMetricsDecoder.begin();
    const options = { timeoutMs: this.timeouts.requestMs, maxBytes: METRICS_LIST_MAX, signal: selection.signal, raw: sink.raw };
    try {
      await this.transport.stream(path, { ...options, onOpen: (_, encoding) => sink.open(encoding ?? 'identity') }, (chunk) =>
        sink.push(chunk),
      );
      return await sink.end();
    } catch (e) {
      sink.cancel();
      if (e instanceof SyntaxError) throw new KubeError('malformed', `${base}: invalid JSON list (${e.message})`);
      throw e;
    }
  }

  /** Ends what the client keeps beside its connection (the live screen's decoding worker). */
  close(): void {
    this.podMetricsDecoder.close();
  }

  /**
   * Streams changes to nodes since `resourceVersion` until the server ends the watch (timeoutSeconds)
   * or `signal` aborts. Resolves normally at the end; throws on a broken stream or an ERROR event.
   */
  watchNodes(watch: WatchRequest<NodeInfo>): Promise<void> {
    return this.watch('/api/v1/nodes', watch, nodeSchema);
  }

  watchPods(watch: WatchRequest<PodInfo>): Promise<void> {
    return this.watch(collection('/api/v1', 'pods', watch.namespace), watch, podSchema);
  }

  /**
   * The kubelet's Summary API through the apiserver's node proxy (needs get nodes/proxy). With
   * `pods: false` only the node's part and the pods' disk use are parsed: the pods' other figures
   * are most of the answer.
   */
  async nodeSummary(node: string, options: SummaryOptions = {}): Promise<NodeSummary> {
    const body = await this.transport.get(`/api/v1/nodes/${seg(node)}/proxy/stats/summary`, {
      timeoutMs: this.timeouts.kubeletMs,
      maxBytes: SUMMARY_MAX,
      signal: options.signal,
      // Kubelet reads have a budget of their own; the sweeper asks again within it.
      retry: false,
    });
    const raw = parseSummary(body, options.pods !== false || options.detail === true, options.podDisk);
    const result = summarySchema.safeParse(raw);
    if (!result.success) throw new KubeError('malformed', `summary ${issueText(result.error)}`);
    return result.data;
  }

  /**
   * The CFS counters of a kubelet's /metrics/cadvisor (needs get nodes/proxy), read as the text
   * arrives: only two families of the hundred or so are kept.
   */
  async nodeCadvisor(node: string, options: { signal?: AbortSignal } = {}): Promise<CfsReading> {
    const cfs = new CfsCollector();
    await this.kubeletText(`/api/v1/nodes/${seg(node)}/proxy/metrics/cadvisor`, CFS_FAMILIES, cfs.add, CADVISOR_MAX, options.signal);
    return cfs.result();
  }

  /** The kubelet's /metrics/resource: cumulative CPU and working sets of the node and its containers. */
  async nodeResource(node: string, options: { signal?: AbortSignal } = {}): Promise<CumulativeUsage> {
    const usage = new ResourceCollector(node);
    await this.kubeletText(`/api/v1/nodes/${seg(node)}/proxy/metrics/resource`, RESOURCE_FAMILIES, usage.add, RESOURCE_MAX, options.signal);
    return usage.result();
  }

  private async kubeletText(
    path: string,
    families: readonly string[],
    onSample: (sample: PromSample) => void,
    maxBytes: number,
    signal: AbortSignal | undefined,
  ): Promise<void> {
    const reader = new PromTextReader(families, onSample);
    await this.transport.stream(
      path,
      {
        timeoutMs: this.timeouts.kubeletMs,
        maxBytes,
        signal,
        accept: PROMETHEUS_TEXT,
        // Kubelet reads have a budget of their own; the sweeper asks again within it.
        retry: false,
        // A proxy's sign-in page or a Status object is not the kubelet's answer.
        onOpen: (contentType) => {
          if (/html|json/.test(contentType))
            throw new KubeError('malformed', `${path.split('/proxy/')[1]}: not Prometheus text (${contentType})`);
        },
      },
      (chunk) => reader.push(chunk),
    );
    reader.end();
  }

  /** The kubelet's hard eviction thresholds, from its configz through the node proxy (needs get nodes/proxy). */
  async kubeletEviction(node: string, signal?: AbortSignal): Promise<EvictionPolicy['hard']> {
    const body = await this.transport.get(`/api/v1/nodes/${seg(node)}/proxy/configz`, {
      timeoutMs: this.timeouts.kubeletMs,
      maxBytes: CONFIGZ_MAX,
      signal,
    });
    let raw: unknown;
    try {
      raw = JSON.parse(body.toString('utf8'));
    } catch {
      throw new KubeError('malformed', 'configz is not valid JSON');
    }
    const result = kubeletConfigSchema.safeParse(raw);
    if (!result.success) throw new KubeError('malformed', `configz ${issueText(result.error)}`);
    return result.data;
  }

  /**
   * A GET through the apiserver's service proxy to port `port` of a Service (needs get
   * services/proxy in its namespace): how kmon reaches a Prometheus with no address outside the
   * cluster. Its requests pass the apiserver's limiter like any other.
   */
  async serviceGet(
    service: { readonly namespace: string; readonly name: string; readonly port: string },
    pathAndQuery: string,
    options: { readonly timeoutMs: number; readonly maxBytes: number; readonly signal?: AbortSignal },
  ): Promise<{ readonly contentType: string; readonly body: Buffer }> {
    let contentType = '';
    const path = `/api/v1/namespaces/${seg(service.namespace)}/services/${seg(service.name)}:${seg(service.port)}/proxy${pathAndQuery}`;
    const body = await this.transport.get(path, {
      ...options,
      onOpen: (type) => {
        contentType = type;
      },
    });
    return { contentType, body };
  }

  private async watch<T>(path: string, watch: WatchRequest<T>, schema: z.ZodMiniType<T>): Promise<void> {
    const params = query({
      watch: 1,
      resourceVersion: watch.resourceVersion,
      allowWatchBookmarks: 'true',
      timeoutSeconds: WATCH_SECONDS,
      labelSelector: watch.labelSelector,
    });
    const stream = new WatchStream(schema, watch);
    await this.transport.stream(
      `${path}${params}`,
      {
        timeoutMs: this.timeouts.requestMs,
        idleTimeoutMs: WATCH_SILENCE_MS,
        signal: watch.signal,
        // A watch that fails is asked again on the watcher's own schedule, with its own backoff.
        retry: false,
        onOpen: (contentType) => {
          stream.open(contentType);
          watch.onOpen?.();
        },
      },
      (chunk) => stream.push(chunk),
    );
    stream.end();
  }

  private async listOnce<T>(path: string, signal: AbortSignal | undefined, decode: ItemDecoder<T>, maxBytes: number): Promise<Page<T>> {
    const collector = new ListCollector(decode);
    const splitter = new ItemSplitter(collector.add);
    try {
      await this.transport.stream(path, { timeoutMs: this.timeouts.requestMs, maxBytes, signal }, (chunk) => splitter.push(chunk));
      const envelope = splitter.end();
      const metadata = (envelope.metadata ?? {}) as { resourceVersion?: unknown; continue?: unknown };
      const resourceVersion = typeof metadata.resourceVersion === 'string' ? metadata.resourceVersion : '';
      const continueToken = typeof metadata.continue === 'string' && metadata.continue ? metadata.continue : null;
      return { ...collector.result(), resourceVersion, continueToken };
    } catch (e) {
      if (e instanceof SyntaxError) throw new KubeError('malformed', `${path.split('?')[0]}: invalid JSON list (${e.message})`);
      throw e;
    }
  }

  // Pages with limit/continue, as kubectl does, so the apiserver never builds one giant answer.
  private async listAll<T>(path: string, selection: Selection, decode: ItemDecoder<T>): Promise<Listed<T>> {
    const items: T[] = [];
    let skipped = 0;
    let firstProblem: string | null = null;
    let token: string | null = null;
    let resourceVersion = '';
    do {
      const page: Page<T> = await this.listOnce(
        `${path}${query({ limit: PAGE_SIZE, continue: token ?? undefined, labelSelector: selection.labelSelector })}`,
        selection.signal,
        decode,
        LIST_PAGE_MAX,
      );
      for (const item of page.items) items.push(item);
      skipped += page.skipped;
      firstProblem ??= page.firstProblem;
      resourceVersion = page.resourceVersion;
      token = page.continueToken;
    } while (token);
    return { items, skipped, firstProblem, resourceVersion };
  }
}

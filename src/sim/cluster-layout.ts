import { Rng, stringHash } from './hash.js';
import { type MachineType, pickMachine } from './machine-types.js';
import { randomSuffix, uuid } from './names.js';
import { type Behaviour, type Placement, placePods, scenarioNodes } from './pod-placement.js';
import { thousandths, wholeUnits } from './quantity-value.js';
import type { Workload } from './workload.js';

const DAY = 86_400_000;

export interface NodeSpec {
  readonly index: number;
  readonly name: string;
  readonly uid: string;
  readonly createdAt: number;
  /** When the kubelet last started: the summary's startTime and the zero of its counters. */
  readonly bootAt: number;
  readonly machine: MachineType;
  readonly zone: string;
  readonly ip: string;
  /** First three octets of the node's pod CIDR (a /24). */
  readonly podNet: string;
  /** Multiplies the CPU its pods use; one node runs hot. */
  readonly load: number;
}

export interface PodSlot {
  readonly slot: number;
  readonly node: number;
  /** Position on its node, for the pod IP. */
  readonly position: number;
  readonly workload: Workload;
  /** The pod's name; for the CronJob slot the job name prefix, as each run has its own name. */
  readonly name: string;
  readonly createdAt: number;
  readonly behaviour: Behaviour;
}

export interface ClusterLayout {
  readonly seed: number;
  readonly startedAt: number;
  readonly podsPerNode: number;
  readonly nodes: readonly NodeSpec[];
  readonly pods: readonly PodSlot[];
  /** Slots in the apiserver's list order: namespace, then name (etcd key order). */
  readonly order: Uint32Array;
  /** Per namespace, its [start, end) range in order. */
  readonly namespaceRanges: ReadonlyMap<string, readonly [number, number]>;
  /** "namespace/name" to slot, for pods with a fixed name. */
  readonly byKey: ReadonlyMap<string, number>;
  /** The pod-template hash of each Deployment's ReplicaSet, by "namespace/name". */
  readonly templateHashes: ReadonlyMap<string, string>;
}

export interface LayoutOptions {
  readonly seed: number;
  readonly nodes: number;
  readonly podsPerNode: number;
  readonly startedAt: number;
}

function nodeName(index: number, count: number): string {
  return `hello-kube-${String(index + 1).padStart(Math.max(3, String(count).length), '0')}`;
}

/** What the node must hold: its pods' requests with headroom, and their expected CPU use under half the node. */
function needs(workloads: readonly Workload[], load: number): { cpuMilli: number; memoryBytes: number; typicalMilli: number } {
  let requestedMilli = 0;
  let typicalMilli = 0;
  let memoryBytes = 0;
  for (const c of workloads.flatMap((w) => w.containers)) {
    requestedMilli += c.requests?.cpu ? thousandths(c.requests.cpu) : 0;
    typicalMilli += c.cpuMilli;
    memoryBytes += c.requests?.memory ? wholeUnits(c.requests.memory) : 0;
  }
  return { cpuMilli: Math.max(requestedMilli * 1.15, (typicalMilli * load) / 0.45), memoryBytes: memoryBytes * 1.15, typicalMilli };
}

// The hot node's pods average ~58% of its CPU; their shared wave (±45%) takes it past 90%.
const HOT_TARGET = 0.58;

function buildNode(index: number, options: LayoutOptions, workloads: readonly Workload[], rng: Rng): NodeSpec {
  const address = index + 10;
  const hot = index === scenarioNodes(options.nodes).hot && options.nodes > 3;
  const usual = rng.between(0.7, 1.6);
  const need = needs(workloads, usual);
  const machine = pickMachine(need.cpuMilli, need.memoryBytes, rng);
  return {
    index,
    name: nodeName(index, options.nodes),
    uid: uuid(options.seed, 1, index),
    createdAt: options.startedAt - 27 * DAY - (options.nodes - index) * 41_000,
    bootAt: options.startedAt - Math.round(rng.between(2, 9) * DAY),
    machine,
    zone: `europe-west1-${'bcd'[index % 3]}`,
    ip: `10.0.${address >> 8}.${address & 255}`,
    podNet: `10.${64 + (index >> 8)}.${index & 255}`,
    load: hot ? (HOT_TARGET * machine.allocatableCpuMilli) / Math.max(1, need.typicalMilli) : usual,
  };
}

/** Names as the controllers make them; the attempt counter resolves the rare suffix collision. */
function podName(w: Workload, node: NodeSpec, templateHash: string, ordinal: number, seed: number, slot: number, attempt: number): string {
  switch (w.kind) {
    case 'Deployment':
      return `${w.name}-${templateHash}-${randomSuffix(5, seed, 2, slot, attempt)}`;
    case 'DaemonSet':
      return `${w.name}-${randomSuffix(5, seed, 3, slot, attempt)}`;
    case 'StatefulSet':
      return `${w.name}-${ordinal}`;
    case 'Node':
      return `${w.name}-${node.name}`;
    case 'Job':
      return `${w.name}-`;
  }
}

function createdAt(placement: Placement, node: NodeSpec, startedAt: number, rng: Rng): number {
  const { workload, behaviour } = placement;
  if (workload.kind === 'DaemonSet' || workload.kind === 'Node') return node.createdAt + Math.round(rng.between(15_000, 60_000));
  const ageDays = behaviour === 'steady' ? (workload.maxReplicas ? rng.between(5, 26) : rng.between(0.01, 20)) : rng.between(1, 3);
  return Math.max(node.createdAt + 60_000, startedAt - Math.round(ageDays * DAY));
}

export function buildLayout(options: LayoutOptions): ClusterLayout {
  const { seed, podsPerNode, startedAt } = options;
  const rng = new Rng(seed);
  const placements = placePods(options.nodes, podsPerNode, rng);
  const nodes = Array.from({ length: options.nodes }, (_, i) =>
    buildNode(
      i,
      options,
      placements.slice(i * podsPerNode, (i + 1) * podsPerNode).map((p) => p.workload),
      rng,
    ),
  );
  const templateHashes = new Map<string, string>();
  const ordinals = new Map<string, number>();
  const byKey = new Map<string, number>();
  const pods = placements.map((placement, slot): PodSlot => {
    const w = placement.workload;
    const id = `${w.namespace}/${w.name}`;
    if (!templateHashes.has(id)) templateHashes.set(id, randomSuffix(10, seed, 4, stringHash(id)).slice(0, 9 + (stringHash(id) % 2)));
    const ordinal = ordinals.get(id) ?? 0;
    ordinals.set(id, ordinal + 1);
    const node = nodes[Math.floor(slot / podsPerNode)] ?? nodes[0];
    if (!node) throw new Error('a cluster needs at least one node');
    let name = podName(w, node, templateHashes.get(id) ?? '', ordinal, seed, slot, 0);
    for (let attempt = 1; byKey.has(`${w.namespace}/${name}`); attempt++)
      name = podName(w, node, templateHashes.get(id) ?? '', ordinal, seed, slot, attempt);
    if (placement.behaviour !== 'cron') byKey.set(`${w.namespace}/${name}`, slot);
    return {
      slot,
      node: node.index,
      position: slot % podsPerNode,
      workload: w,
      name,
      createdAt: createdAt(placement, node, startedAt, rng),
      behaviour: placement.behaviour,
    };
  });
  const { order, namespaceRanges } = sortPods(pods);
  return { seed, startedAt, podsPerNode, nodes, pods, order, namespaceRanges, byKey, templateHashes };
}

function sortPods(pods: readonly PodSlot[]): { order: Uint32Array; namespaceRanges: Map<string, readonly [number, number]> } {
  const keys = pods.map((p) => `${p.workload.namespace}/${p.name}`);
  const order = Uint32Array.from(pods, (p) => p.slot).sort((a, b) => {
    const ka = keys[a] ?? '';
    const kb = keys[b] ?? '';
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  });
  const namespaceRanges = new Map<string, readonly [number, number]>();
  order.forEach((slot, i) => {
    const ns = pods[slot]?.workload.namespace ?? '';
    const range = namespaceRanges.get(ns);
    namespaceRanges.set(ns, [range ? range[0] : i, i + 1]);
  });
  return { order, namespaceRanges };
}

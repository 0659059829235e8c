import type { ClusterLayout, NodeSpec } from './cluster-layout.js';
import { hexId, uuid } from './names.js';
import { diskPressure, diskPressureSince, nodeDown, readySince } from './node-state.js';
import type { Scenarios } from './scenarios.js';
import { rfc3339 } from './wire-text.js';

interface Condition {
  type: string;
  status: 'True' | 'False' | 'Unknown';
  lastHeartbeatTime: string;
  lastTransitionTime: string;
  reason: string;
  message: string;
}

function labels(node: NodeSpec): Record<string, string> {
  const region = node.zone.slice(0, node.zone.lastIndexOf('-'));
  return {
    'beta.kubernetes.io/arch': 'amd64',
    'beta.kubernetes.io/instance-type': node.machine.name,
    'beta.kubernetes.io/os': 'linux',
    'failure-domain.beta.kubernetes.io/region': region,
    'failure-domain.beta.kubernetes.io/zone': node.zone,
    'kubernetes.io/arch': 'amd64',
    'kubernetes.io/hostname': node.name,
    'kubernetes.io/os': 'linux',
    ...(node.index === 0 ? { 'node-role.kubernetes.io/control-plane': '' } : {}),
    'node.kubernetes.io/instance-type': node.machine.name,
    ...(node.index === 0 ? { 'node.kubernetes.io/exclude-from-external-load-balancers': '' } : {}),
    'topology.kubernetes.io/region': region,
    'topology.kubernetes.io/zone': node.zone,
  };
}

/** Node labels as the API serves them (and as metrics-server copies them). */
export function nodeLabels(layout: ClusterLayout, index: number): Record<string, string> {
  const node = layout.nodes[index];
  return node ? labels(node) : {};
}

function kubeletConditions(pressure: boolean, pressureSince: number, readyAt: number, heartbeat: number): Condition[] {
  const beat = rfc3339(heartbeat);
  const ok = (type: string, since: number, reason: string, message: string): Condition => ({
    type,
    status: 'False',
    lastHeartbeatTime: beat,
    lastTransitionTime: rfc3339(since),
    reason,
    message,
  });
  return [
    ok('MemoryPressure', readyAt, 'KubeletHasSufficientMemory', 'kubelet has sufficient memory available'),
    pressure
      ? { ...ok('DiskPressure', pressureSince, 'KubeletHasDiskPressure', 'kubelet has disk pressure'), status: 'True' }
      : ok('DiskPressure', pressureSince, 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure'),
    ok('PIDPressure', readyAt, 'KubeletHasSufficientPID', 'kubelet has sufficient PID available'),
    { ...ok('Ready', readyAt, 'KubeletReady', 'kubelet is posting ready status'), status: 'True' },
  ];
}

// The node lifecycle controller's view once the kubelet stops posting status.
function unknownConditions(since: number): Condition[] {
  return ['MemoryPressure', 'DiskPressure', 'PIDPressure', 'Ready'].map((type) => ({
    type,
    status: 'Unknown',
    lastHeartbeatTime: rfc3339(since),
    lastTransitionTime: rfc3339(since),
    reason: 'NodeStatusUnknown',
    message: 'Kubelet stopped posting node status.',
  }));
}

function taints(down: boolean, pressure: boolean, since: number) {
  const out: { key: string; effect: string; timeAdded?: string }[] = [];
  if (down) {
    out.push({ key: 'node.kubernetes.io/unreachable', effect: 'NoSchedule', timeAdded: rfc3339(since) });
    out.push({ key: 'node.kubernetes.io/unreachable', effect: 'NoExecute', timeAdded: rfc3339(since) });
  } else if (pressure) out.push({ key: 'node.kubernetes.io/disk-pressure', effect: 'NoSchedule', timeAdded: rfc3339(since) });
  return out;
}

function resources(cpu: string, memoryKi: number, storage: string) {
  return { cpu, 'ephemeral-storage': storage, 'hugepages-1Gi': '0', 'hugepages-2Mi': '0', memory: `${memoryKi}Ki`, pods: '110' };
}

function cpuText(milli: number): string {
  return milli % 1000 === 0 ? String(milli / 1000) : `${milli}m`;
}

/** The machine's identity, shared by nodeInfo and cAdvisor's machine_* labels. */
export function machineIds(layout: ClusterLayout, node: NodeSpec): { machineID: string; systemUUID: string; bootID: string } {
  return {
    machineID: hexId(32, layout.seed, 60, node.index),
    systemUUID: uuid(layout.seed, 61, node.index),
    bootID: uuid(layout.seed, 62, node.index, node.bootAt),
  };
}

function nodeInfo(layout: ClusterLayout, node: NodeSpec) {
  return {
    ...machineIds(layout, node),
    kernelVersion: '6.8.0-1019-gcp',
    osImage: 'Ubuntu 24.04.1 LTS',
    containerRuntimeVersion: 'containerd://2.0.2',
    kubeletVersion: 'v1.35.0',
    kubeProxyVersion: '',
    operatingSystem: 'linux',
    architecture: 'amd64',
  };
}

/** A core/v1 Node at time t, as the apiserver returns it. */
export function renderNode(
  layout: ClusterLayout,
  scenarios: Scenarios,
  index: number,
  t: number,
  resourceVersion: number,
  withType: boolean,
) {
  const node = layout.nodes[index];
  if (!node) throw new Error(`no node ${index}`);
  const down = nodeDown(scenarios, index, t);
  const pressure = diskPressure(scenarios, index, t);
  const pressureSince = diskPressureSince(layout, scenarios, index, t);
  const readyAt = readySince(layout, scenarios, index, t);
  const m = node.machine;
  const nodeTaints = taints(down, pressure, down ? readyAt : pressureSince);
  return {
    ...(withType ? { kind: 'Node', apiVersion: 'v1' } : {}),
    metadata: {
      name: node.name,
      uid: node.uid,
      resourceVersion: String(resourceVersion),
      creationTimestamp: rfc3339(node.createdAt),
      labels: labels(node),
      annotations: { 'node.alpha.kubernetes.io/ttl': '0', 'volumes.kubernetes.io/controller-managed-attach-detach': 'true' },
    },
    spec: {
      podCIDR: `${node.podNet}.0/24`,
      podCIDRs: [`${node.podNet}.0/24`],
      providerID: `gce://kmon-sim/${node.zone}/${node.name}`,
      ...(nodeTaints.length > 0 ? { taints: nodeTaints } : {}),
    },
    status: {
      capacity: resources(String(m.cpuCores), m.memoryKi, `${m.storageKi}Ki`),
      allocatable: resources(cpuText(m.allocatableCpuMilli), m.allocatableMemoryKi, String(m.allocatableStorageBytes)),
      conditions: down ? unknownConditions(readyAt) : kubeletConditions(pressure, pressureSince, readyAt, Math.max(readyAt, pressureSince)),
      addresses: [
        { type: 'InternalIP', address: node.ip },
        { type: 'Hostname', address: node.name },
      ],
      daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
      nodeInfo: nodeInfo(layout, node),
    },
  };
}

import type { Figure } from '../model/figure.js';
import type { NodeRow } from '../model/node-row.js';
import type { PodFigure } from '../model/pod-row.js';
import type { Problem } from '../model/problems.js';
import type { Snapshot } from '../model/snapshot.js';
import { nodeSignalsJson, podEphemeralJson, throttledPercentJson } from './kubelet-json.js';
import { jsonPercent } from './top-figures.js';
import type { PodLine } from './top-pods.js';

const iso = (ms: number | null) => (ms === null || !Number.isFinite(ms) ? null : new Date(ms).toISOString());

function errors(problems: readonly Problem[]) {
  return problems.map((p) => ({ source: p.source, kind: p.kind, message: p.message, ...(p.node ? { node: p.node } : {}) }));
}

function envelope(snapshot: Snapshot, items: unknown[]) {
  return { items, metricsSource: snapshot.metricsSource, takenAt: iso(snapshot.takenAt), errors: errors(snapshot.problems) };
}

function fsJson(f: Figure | null) {
  if (!f || f.used === null) return null;
  return { usedBytes: f.used, capacityBytes: f.total, percent: jsonPercent(f.percent), level: f.level };
}

function nodeJson(row: NodeRow) {
  return {
    name: row.name,
    ready: row.ready,
    status: row.status,
    roles: row.roles,
    level: row.level,
    reasons: row.reasons,
    cpu: {
      usageMillicores: row.cpu.used,
      allocatableMillicores: row.cpu.total,
      percent: jsonPercent(row.cpu.percent),
      level: row.cpu.level,
    },
    memory: {
      workingSetBytes: row.memory.used,
      allocatableBytes: row.memory.total,
      percent: jsonPercent(row.memory.percent),
      level: row.memory.level,
    },
    disk: fsJson(row.disk),
    diskUnknownReason: row.diskUnknown,
    imageFs: fsJson(row.imageFs),
    pods: row.pods,
    ...nodeSignalsJson(row.signals),
    createdAt: iso(row.createdAt),
    metricsTimestamp: iso(row.metricsAt),
  };
}

function podFigureJson(f: PodFigure | null, usageKey: string, unit: string) {
  return {
    [usageKey]: f?.usage ?? null,
    [`request${unit}`]: f?.request ?? null,
    [`limit${unit}`]: f?.limit ?? null,
    percentOfRequest: jsonPercent(f?.percentOfRequest ?? null),
    percentOfLimit: jsonPercent(f?.percentOfLimit ?? null),
    level: f?.level ?? 'ok',
  };
}

function podJson(line: PodLine) {
  const { row, usage } = line;
  return {
    namespace: line.namespace,
    name: line.name,
    node: row?.node ?? null,
    status: row?.status ?? null,
    restarts: row?.restarts ?? null,
    level: row?.level ?? 'ok',
    reasons: row?.reasons ?? [],
    cpu: {
      ...podFigureJson(row?.cpu ?? null, 'usageMillicores', 'Millicores'),
      usageMillicores: usage?.cpuMilli ?? null,
      throttledPercent: throttledPercentJson(row?.signals ?? null),
    },
    memory: { ...podFigureJson(row?.memory ?? null, 'workingSetBytes', 'Bytes'), workingSetBytes: usage?.memoryBytes ?? null },
    ephemeral: podEphemeralJson(row?.signals ?? null),
    containers: (usage?.containers ?? []).map((c) => ({ name: c.name, usageMillicores: c.cpuMilli, workingSetBytes: c.memoryBytes })),
    metricsTimestamp: iso(usage?.timestamp ?? null),
  };
}

export function topNodesJson(rows: readonly NodeRow[], snapshot: Snapshot): string {
  return `${JSON.stringify(envelope(snapshot, rows.map(nodeJson)), null, 2)}\n`;
}

export function topPodsJson(lines: readonly PodLine[], snapshot: Snapshot): string {
  return `${JSON.stringify(envelope(snapshot, lines.map(podJson)), null, 2)}\n`;
}

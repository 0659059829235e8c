import { diskFigure, sameFilesystem } from './disk.js';
import type { Figure } from './figure.js';
import { type FillForecast, fullText, soonestFull } from './fill-forecast.js';
import { type Level, worstLevel } from './levels.js';
import { nodeForecasts } from './node-forecast.js';
import { nodeHealth } from './node-health.js';
import { nodeRoles } from './node-roles.js';
import { percentOf } from './pod-resources.js';
import type { FsUsage, NodeInfo, PodInfo } from './records.js';
import type { Snapshot } from './snapshot.js';
import { levelOf, type Thresholds } from './thresholds.js';
import { RECENT, type TrendWindow } from './trend.js';

export interface NodeRow {
  readonly uid: string;
  readonly name: string;
  readonly status: string;
  readonly statusLevel: Level;
  /** Alerting conditions by name (NotReady, DiskPressure…). */
  readonly conditionAlerts: readonly string[];
  readonly roles: readonly string[];
  readonly ready: boolean | null;
  readonly cpu: Figure;
  readonly memory: Figure;
  readonly disk: Figure;
  /** Why disk is unknown (no kubelet access, kubelet failing, not read yet); null when known. */
  readonly diskUnknown: string | null;
  /** The image filesystem, when the kubelet reports one apart from the node filesystem. */
  readonly imageFs: Figure | null;
  /** The kubelet reported the image filesystem as the node filesystem itself (images live on it). */
  readonly imagesOnNodeFs: boolean;
  /** count is null until the pod list has been read. */
  readonly pods: { readonly count: number | null; readonly capacity: number };
  readonly createdAt: number;
  /** The source's own time for CPU/memory, and when disk was read. */
  readonly metricsAt: number | null;
  readonly diskAt: number | null;
  /** Node fs, image fs, inodes and memory: how fast each fills, and when it is full or evicting. */
  readonly forecasts: readonly FillForecast[];
  /** The resource projected full soonest, within a day; null when none is filling that fast. */
  readonly full: FillForecast | null;
  readonly level: Level;
  readonly reasons: readonly string[];
}

function fsFigure(fs: FsUsage | null, thresholds: Thresholds): Figure | null {
  const disk = diskFigure(fs);
  if (!disk) return null;
  return { used: disk.usedBytes, total: disk.capacityBytes, percent: disk.percent, level: levelOf(disk.percent, thresholds.disk) };
}

function usageFigure(used: number | null, total: number, threshold: Thresholds['cpu']): Figure {
  const percent = percentOf(used, total);
  return { used, total, percent, level: levelOf(percent, threshold) };
}

// Counting 150,000 pods per frame adds up; the count only changes with the pod list.
const countsByList = new WeakMap<readonly PodInfo[], Map<string, number>>();

/** Pods that hold a node's resources: scheduled there and not finished. */
export function podsPerNode(pods: readonly PodInfo[]): Map<string, number> {
  const known = countsByList.get(pods);
  if (known) return known;
  const counts = new Map<string, number>();
  countsByList.set(pods, counts);
  for (const pod of pods) {
    if (pod.nodeName === null || pod.phase === 'Succeeded' || pod.phase === 'Failed') continue;
    counts.set(pod.nodeName, (counts.get(pod.nodeName) ?? 0) + 1);
  }
  return counts;
}

function diskUnknownReason(snapshot: Snapshot, node: string, kubeletErrors: ReadonlyMap<string, string>): string {
  return (
    snapshot.kubeletOff ??
    kubeletErrors.get(node) ??
    (snapshot.summaries.has(node) ? 'kubelet reported no filesystem stats' : 'not read yet')
  );
}

export function buildNodeRow(
  node: NodeInfo,
  snapshot: Snapshot,
  thresholds: Thresholds,
  podCount: number | null,
  kubeletErrors: ReadonlyMap<string, string>,
  window: TrendWindow = RECENT,
): NodeRow {
  const health = nodeHealth(node);
  const usage = snapshot.nodeUsage.get(node.name) ?? null;
  const fetched = snapshot.summaries.get(node.name) ?? null;
  const cpu = usageFigure(usage?.cpuMilli ?? null, node.allocatable.cpuMilli, thresholds.cpu);
  const memory = usageFigure(usage?.memoryBytes ?? null, node.allocatable.memoryBytes, thresholds.memory);
  const fs = fetched?.summary.fs ?? null;
  const disk = fsFigure(fs, thresholds);
  const imagesOnNodeFs = sameFilesystem(fs, fetched?.summary.imageFs ?? null);
  const imageFs = imagesOnNodeFs ? null : fsFigure(fetched?.summary.imageFs ?? null, thresholds);
  const reasons = [...health.reasons];
  for (const [label, figure] of [
    ['CPU', cpu],
    ['memory', memory],
    ['disk', disk],
    ['image fs', imageFs],
  ] as const) {
    if (figure && figure.level !== 'ok') reasons.push(`${label} at ${Math.trunc(figure.percent ?? 0)}%`);
  }
  const forecasts = nodeForecasts(snapshot, node, thresholds.fill, window);
  const full = soonestFull(forecasts);
  if (full && full.level !== 'ok') reasons.push(fullText(full));
  return {
    uid: node.uid,
    name: node.name,
    status: health.status,
    statusLevel: health.level,
    conditionAlerts: health.alerts,
    roles: nodeRoles(node.labels),
    ready: health.ready,
    cpu,
    memory,
    disk: disk ?? { used: null, total: null, percent: null, level: 'ok' },
    diskUnknown: disk ? null : diskUnknownReason(snapshot, node.name, kubeletErrors),
    imageFs,
    imagesOnNodeFs,
    pods: { count: podCount, capacity: node.allocatable.pods },
    createdAt: node.createdAt,
    metricsAt: usage?.timestamp ?? null,
    diskAt: fetched?.fetchedAt ?? null,
    forecasts,
    full,
    level: worstLevel(health.level, cpu.level, memory.level, disk?.level ?? 'ok', imageFs?.level ?? 'ok', full?.level ?? 'ok'),
    reasons,
  };
}

/** Every node's row; `window` is the span projections are fitted to (see node-forecast.ts). */
export function buildNodeRows(snapshot: Snapshot, thresholds: Thresholds, window: TrendWindow = RECENT): NodeRow[] {
  const counts = podsPerNode(snapshot.pods);
  const kubeletErrors = new Map<string, string>();
  for (const p of snapshot.problems) if (p.source === 'kubelet' && p.node) kubeletErrors.set(p.node, p.message);
  return snapshot.nodes.map((node) =>
    buildNodeRow(node, snapshot, thresholds, snapshot.podsListed ? (counts.get(node.name) ?? 0) : null, kubeletErrors, window),
  );
}

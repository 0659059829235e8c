import { type FillForecast, rateText } from './fill-forecast.js';
import type { Level } from './levels.js';
import { worstLevel } from './levels.js';
import { oomForecast } from './oom-forecast.js';
import { podHealth } from './pod-health.js';
import { percentOf, podLimits, podRequests } from './pod-resources.js';
import { type PodSignals, podSignals } from './pod-signals.js';
import type { PodInfo, ResourceAmounts } from './records.js';
import type { Snapshot } from './snapshot.js';
import { levelOf, type Threshold, type Thresholds } from './thresholds.js';
import { formatTimeLeft } from './time-left.js';

export interface PodFigure {
  readonly usage: number | null;
  readonly request: number | null;
  readonly limit: number | null;
  readonly percentOfRequest: number | null;
  readonly percentOfLimit: number | null;
  readonly level: Level;
}

export interface PodRow {
  readonly uid: string;
  readonly namespace: string;
  readonly name: string;
  readonly node: string;
  readonly status: string;
  readonly statusLevel: Level;
  readonly ready: string;
  readonly restarts: number;
  readonly cpu: PodFigure;
  readonly memory: PodFigure;
  readonly createdAt: number;
  readonly metricsAt: number | null;
  /** When the working set, on its trend, reaches the memory limit (OOM kill); null when not heading there. */
  readonly oom: FillForecast | null;
  /** Throttling, ephemeral storage, pressure and network, as the kubelet of its node says. */
  readonly signals: PodSignals;
  readonly level: Level;
  readonly reasons: readonly string[];
}

// Alerts compare usage with the limit, where harm happens: CPU throttling, memory OOM kills.
// A pod above its request is normal and is shown, not flagged.
function podFigure(usage: number | null, request: number | null, limit: number | null, threshold: Threshold): PodFigure {
  const percentOfLimit = percentOf(usage, limit);
  return {
    usage,
    request,
    limit,
    percentOfRequest: percentOf(usage, request),
    percentOfLimit,
    level: levelOf(percentOfLimit, threshold),
  };
}

function amounts(pod: PodInfo): { requests: ResourceAmounts; limits: ResourceAmounts } {
  return { requests: podRequests(pod.containers), limits: podLimits(pod.containers) };
}

export function buildPodRow(pod: PodInfo, snapshot: Snapshot, thresholds: Thresholds, now: number): PodRow {
  const health = podHealth(pod, now);
  const usage = snapshot.podUsage.get(pod.namespace, pod.name) ?? null;
  const { requests, limits } = amounts(pod);
  const cpu = podFigure(usage?.cpuMilli ?? null, requests.cpuMilli, limits.cpuMilli, thresholds.cpu);
  const memory = podFigure(usage?.memoryBytes ?? null, requests.memoryBytes, limits.memoryBytes, thresholds.memory);
  const reasons = [...health.reasons];
  if (cpu.level !== 'ok') reasons.push(`CPU at ${Math.trunc(cpu.percentOfLimit ?? 0)}% of limit (throttling)`);
  if (memory.level !== 'ok') reasons.push(`memory at ${Math.trunc(memory.percentOfLimit ?? 0)}% of limit (OOM risk)`);
  const memoryNow = usage ? { bytes: usage.memoryBytes, scrape: snapshot.podUsage } : null;
  const oom = oomForecast(snapshot.history, snapshot.seq, pod.uid, memoryNow, limits.memoryBytes, thresholds.fill, now);
  if (oom && oom.level !== 'ok') reasons.push(oomText(oom));
  const signals = podSignals(pod, snapshot, { requests, limits }, thresholds);
  reasons.push(...signals.reasons);
  return {
    uid: pod.uid,
    namespace: pod.namespace,
    name: pod.name,
    node: pod.nodeName ?? '<none>',
    status: health.status,
    statusLevel: health.level,
    ready: `${pod.containers.filter((c) => c.ready).length}/${pod.containers.length}`,
    restarts: health.restarts,
    cpu,
    memory,
    createdAt: pod.createdAt,
    metricsAt: usage?.timestamp ?? null,
    oom,
    signals,
    level: worstLevel(health.level, cpu.level, memory.level, oom?.level ?? 'ok', signals.level),
    reasons,
  };
}

/** "OOM in 12m (memory +3.1 MiB/min to its limit)": when the working set reaches the limit on its trend. */
export function oomText(oom: FillForecast): string {
  const when = oom.fullInMs === 0 ? 'now' : `in ${formatTimeLeft(oom.fullInMs ?? 0)}`;
  return `OOM ${when} (memory ${rateText(oom)} to its limit)`;
}

export function buildPodRows(snapshot: Snapshot, thresholds: Thresholds, now: number): PodRow[] {
  return snapshot.pods.map((pod) => buildPodRow(pod, snapshot, thresholds, now));
}

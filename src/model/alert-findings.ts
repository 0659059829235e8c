import type { Observation } from './alert-step.js';
import type { AlertKind, AlertTarget, Finding, Termination } from './alerts.js';
import type { Figure } from './figure.js';
import { type FillForecast, fullText } from './fill-forecast.js';
import type { Level } from './levels.js';
import type { NodeRow } from './node-row.js';
import { figureText } from './node-signals.js';
import { podHealth, restartCount } from './pod-health.js';
import { oomText, type PodRow } from './pod-row.js';
import { ephemeralText, throttlingText } from './pod-signals.js';
import { pressureText, worstPressure } from './pressure.js';
import type { Problem } from './problems.js';
import type { NodeInfo, PodInfo } from './records.js';
import { type FillThreshold, fillLevel, levelOf, type Threshold, type Thresholds } from './thresholds.js';

// Every problem a snapshot shows, as findings for alert-step.ts: node conditions, figures over
// their thresholds, projected fills and OOM kills, pods in a bad state, and reads that fail.

/** A firing figure alert clears only once the figure is this many points under its line. */
export const CLEAR_POINTS = 2;
/** A firing projection clears only once the time left is this much longer than its line. */
const CLEAR_TIME_FACTOR = 1.25;

export interface AlertSources {
  readonly nodes: readonly NodeRow[];
  readonly nodeInfo: readonly NodeInfo[];
  /** Pods to judge: at least those alerting now and those with alerts already. */
  readonly pods: readonly { readonly pod: PodInfo; readonly row: PodRow }[];
  readonly problems: readonly Problem[];
  readonly thresholds: Thresholds;
  /** Pods whose containers' terminations to log; null when the pod list has not changed since the last look. */
  readonly terminationsOf: readonly PodInfo[] | null;
  readonly now: number;
}

// As node and pod rows word their reasons ("CPU at 95%"), so every face says the same.
const WORD: Partial<Record<AlertKind, string>> = { cpu: 'CPU', memory: 'memory', disk: 'disk', 'image fs': 'image fs' };

const nodeTarget = (row: { uid: string; name: string }): AlertTarget => ({ kind: 'node', name: row.name, uid: row.uid });
const podTarget = (pod: PodInfo): AlertTarget => ({ kind: 'pod', name: pod.name, namespace: pod.namespace, uid: pod.uid });
/** The key an alert on this object has: the same problem on the same object, snapshot after snapshot. */
export function alertKey(target: AlertTarget, kind: AlertKind, detail = ''): string {
  return `${target.kind}/${target.uid ?? target.name}|${kind}${detail ? `|${detail}` : ''}`;
}

const keyOf = alertKey;

function figureFinding(
  target: AlertTarget,
  kind: AlertKind,
  percent: number | null,
  t: Threshold | null,
  message: string,
  detail = '',
): Finding | null {
  if (percent === null || t === null) return null;
  const hold = levelOf(percent + CLEAR_POINTS, t);
  if (hold === 'ok') return null;
  return { key: keyOf(target, kind, detail), kind, target, level: levelOf(percent, t), hold, message, forMs: t.forMs ?? 0 };
}

/** Inodes, PIDs and pressure, from the node's summary. */
function nodeSignalFindings(row: NodeRow, t: Thresholds): (Finding | null)[] {
  const target = nodeTarget(row);
  const { inodes, imageInodes, pids, pressure } = row.signals;
  const worst = worstPressure(pressure);
  return [
    inodes && figureFinding(target, 'inodes', inodes.percent, t.inodes, figureText('inodes', inodes.percent)),
    imageInodes &&
      figureFinding(target, 'inodes', imageInodes.percent, t.inodes, figureText('image fs inodes', imageInodes.percent), 'image fs'),
    pids && figureFinding(target, 'pids', pids.percent, t.pids, figureText('PIDs', pids.percent)),
    worst && figureFinding(target, 'pressure', worst.percent, t.pressure, pressureText(worst)),
  ];
}

/** Throttling (cAdvisor), ephemeral storage and pressure, from the pod's node's kubelet. */
function podSignalFindings(pod: PodInfo, row: PodRow, t: Thresholds): (Finding | null)[] {
  const target = podTarget(pod);
  const { throttling, ephemeral, pressure } = row.signals;
  const worst = worstPressure(pressure);
  return [
    throttling && figureFinding(target, 'throttling', throttling.percent, t.throttling, throttlingText(throttling.percent)),
    ephemeral && figureFinding(target, 'ephemeral', ephemeral.percent, t.ephemeral, ephemeralText(ephemeral)),
    worst && figureFinding(target, 'pressure', worst.percent, t.pressure, pressureText(worst)),
  ];
}

/** Whether a kubelet signal's figure went unknown: its node or cAdvisor not read this time. */
function signalUnknown(kind: AlertKind, node: NodeRow | undefined, pod: PodRow | undefined): boolean {
  const signals = node?.signals ?? pod?.signals;
  if (!signals) return false;
  if (kind === 'pressure') return signals.pressure === null;
  if (node) return kind === 'inodes' ? node.signals.inodes === null : node.signals.pids === null;
  return kind === 'throttling' ? pod?.signals.throttling === null : pod?.signals.ephemeral === null;
}

function projectionFinding(target: AlertTarget, kind: AlertKind, f: FillForecast, fill: FillThreshold, message: string): Finding | null {
  const loose = { warnMs: fill.warnMs * CLEAR_TIME_FACTOR, critMs: fill.critMs * CLEAR_TIME_FACTOR };
  const hold = fillLevel(f.fullInMs, loose);
  if (hold === 'ok') return null;
  const key = keyOf(target, kind, kind === 'full' ? f.resource : '');
  return { key, kind, target, level: f.level, hold, message, forMs: 0, fullInMs: f.fullInMs };
}

function conditionFindings(row: NodeRow, node: NodeInfo | undefined): Finding[] {
  const target = nodeTarget(row);
  return row.conditionAlerts.map((name, i) => {
    const type = name === 'NotReady' ? 'Ready' : name;
    const since = node?.conditions.find((c) => c.type === type)?.since;
    return {
      key: keyOf(target, 'condition', name),
      kind: 'condition',
      target,
      level: 'crit',
      hold: 'crit',
      message: row.reasons[i] ?? name,
      cleared: name === 'NotReady' ? 'NotReady → Ready' : `${name} cleared`,
      forMs: 0,
      ...(since === undefined ? {} : { startedAt: since }),
    };
  });
}

function nodeFindings(row: NodeRow, node: NodeInfo | undefined, t: Thresholds): Finding[] {
  const target = nodeTarget(row);
  const figure = (kind: AlertKind, f: Figure | null, threshold: Threshold) =>
    f ? figureFinding(target, kind, f.percent, threshold, `${WORD[kind]} at ${Math.trunc(f.percent ?? 0)}%`) : null;
  return [
    ...conditionFindings(row, node),
    figure('cpu', row.cpu, t.cpu),
    figure('memory', row.memory, t.memory),
    figure('disk', row.disk, t.disk),
    figure('image fs', row.imageFs, t.disk),
    ...row.forecasts.map((f) => projectionFinding(target, 'full', f, t.fill, fullText(f))),
    ...nodeSignalFindings(row, t),
  ].filter((f): f is Finding => f !== null);
}

function podFindings({ pod, row }: { pod: PodInfo; row: PodRow }, t: Thresholds, now: number): Finding[] {
  const target = podTarget(pod);
  const health = row.statusLevel === 'ok' ? null : podHealth(pod, now);
  const status: Finding | null = health && {
    key: keyOf(target, 'pod'),
    kind: 'pod',
    target,
    level: health.level,
    hold: health.level,
    message: health.reasons.join('; ') || health.status,
    cleared: health.status === 'Running' ? 'running well again' : `no longer ${health.status}`,
    forMs: 0,
  };
  const limit = (kind: 'cpu' | 'memory', percent: number | null, threshold: Threshold) =>
    figureFinding(target, kind, percent, threshold, `${WORD[kind]} at ${Math.trunc(percent ?? 0)}% of limit`);
  return [
    status,
    limit('cpu', row.cpu.percentOfLimit, t.cpu),
    limit('memory', row.memory.percentOfLimit, t.memory),
    row.oom ? projectionFinding(target, 'oom', row.oom, t.fill, oomText(row.oom)) : null,
    ...podSignalFindings(pod, row, t),
  ].filter((f): f is Finding => f !== null);
}

function readLevel(p: Problem): Level {
  return (p.source === 'nodes' || p.source === 'pods') && p.kind !== 'degraded' ? 'crit' : 'warn';
}

/** A failed read: the cluster's own for lists and metrics, the node's for its kubelet. */
function readFinding(p: Problem, uidOf: ReadonlyMap<string, string>): Finding {
  const uid = p.node ? uidOf.get(p.node) : undefined;
  const target: AlertTarget = p.node ? { kind: 'node', name: p.node, ...(uid ? { uid } : {}) } : { kind: 'cluster', name: '' };
  const level = readLevel(p);
  const key = `read|${p.source}|${p.node ?? ''}|${p.kind}`;
  return {
    key,
    kind: 'read',
    target,
    level,
    hold: level,
    message: p.message,
    cleared: `${p.source} read again`,
    forMs: 0,
    startedAt: p.since,
  };
}

// Restarts older than this are history, as pod-health.ts counts them.
const RECENT_MS = 60 * 60 * 1000;

/** Each container's last termination within the hour, to log once as a restart or an OOM kill. */
export function terminations(pods: readonly PodInfo[], now: number): Termination[] {
  const out: Termination[] = [];
  for (const pod of pods) {
    for (const c of pod.containers) {
      const last = c.lastTermination;
      if (!last || last.finishedAt === null || now - last.finishedAt > RECENT_MS) continue;
      const oom = last.reason === 'OOMKilled';
      const why = last.reason ? `${last.reason} (exit ${last.exitCode})` : `exit ${last.exitCode}`;
      out.push({
        key: `${pod.uid}|${c.name}|${last.finishedAt}`,
        at: last.finishedAt,
        target: podTarget(pod),
        oom,
        message: `${c.name} ${oom ? 'OOMKilled' : `restarted: ${why}`}, ${restartCount(c.restarts)}`,
      });
    }
  }
  return out;
}

const FIGURE_KINDS: ReadonlySet<AlertKind> = new Set(['cpu', 'memory', 'disk', 'image fs', 'full', 'oom']);
const SIGNAL_KINDS: ReadonlySet<AlertKind> = new Set(['inodes', 'pids', 'pressure', 'throttling', 'ephemeral']);

/** Everything one snapshot says about alerts. */
export function observe(sources: AlertSources): Observation {
  const { thresholds } = sources;
  const infoByUid = new Map(sources.nodeInfo.map((n) => [n.uid, n]));
  const uidOf = new Map(sources.nodeInfo.map((n) => [n.name, n.uid]));
  const nodesByUid = new Map(sources.nodes.map((r) => [r.uid, r]));
  const podsByUid = new Map(sources.pods.map((p) => [p.pod.uid, p]));
  const findings = [
    // A past that could not be fetched leaves the charts shorter; the cluster is no worse for it.
    ...sources.problems.filter((p) => p.source !== 'history').map((p) => readFinding(p, uidOf)),
    ...sources.nodes.flatMap((row) => nodeFindings(row, infoByUid.get(row.uid), thresholds)),
    ...sources.pods.flatMap((p) => podFindings(p, thresholds, sources.now)),
  ];
  return {
    findings,
    // A figure nobody could read this time says nothing either way; a vanished object's alerts end.
    unknown: ({ kind, target }) => {
      if (SIGNAL_KINDS.has(kind) && target.uid) return signalUnknown(kind, nodesByUid.get(target.uid), podsByUid.get(target.uid)?.row);
      if (!FIGURE_KINDS.has(kind) || !target.uid) return false;
      if (target.kind === 'node') {
        const row = nodesByUid.get(target.uid);
        if (!row) return false;
        if (kind === 'cpu') return row.cpu.percent === null;
        if (kind === 'memory') return row.memory.percent === null;
        if (kind === 'full') return row.forecasts.length === 0;
        return row.disk.percent === null;
      }
      const pod = podsByUid.get(target.uid);
      return pod !== undefined && pod.row.memory.usage === null;
    },
    terminations: sources.terminationsOf ? terminations(sources.terminationsOf, sources.now) : [],
  };
}

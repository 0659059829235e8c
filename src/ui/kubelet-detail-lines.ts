import { formatAge } from '../model/age.js';
import type { Figure } from '../model/figure.js';
import { formatBytes } from '../model/format-units.js';
import type { HistoryStore } from '../model/history.js';
import type { KubeletHistories } from '../model/kubelet-history.js';
import { levelGlyph } from '../model/level-glyph.js';
import { type Level, worstLevel } from '../model/levels.js';
import type { NodeRow } from '../model/node-row.js';
import type { PodRow } from '../model/pod-row.js';
import { PRESSURE_RESOURCES, type Pressure } from '../model/pressure.js';
import { formatRate } from '../model/rate-units.js';
import { sparkline } from '../model/sparkline.js';
import type { Theme } from './theme.js';

// The detail views' lines for what the kubelet knows beyond CPU, memory and disk: pressure,
// inodes, PIDs, network, throttling and ephemeral storage, each with a sparkline of its history
// where one is kept, and where each figure came from.

export interface DetailLine {
  readonly key: string;
  readonly level: Level;
  readonly text: string;
}

const SPARK = 8;
const SHORT: Readonly<Record<string, string>> = { cpu: 'cpu', memory: 'mem', io: 'io' };

interface Drawing {
  readonly history: KubeletHistories | undefined;
  readonly asOfTick: number;
  readonly now: number;
  readonly theme: Theme;
}

// Rates have no top of their own: their highest sample with headroom, so a steady rate is a level
// line below the top rather than a wall of full blocks.
const HEADROOM = 4 / 3;

function spark(store: HistoryStore | undefined, uid: string, series: number, d: Drawing, max?: number): string {
  const values = store?.read(uid, series, SPARK, d.asOfTick) ?? [];
  if (values.length < 2) return '';
  const top = max ?? Math.max(...values.filter(Number.isFinite)) * HEADROOM;
  return ` ${sparkline(values, { width: SPARK, ascii: d.theme.ascii, max: top })}`;
}

function percent(value: number, level: Level, ascii: boolean): string {
  const glyph = levelGlyph(level, ascii);
  return `${Math.trunc(value)}%${glyph ? ` ${glyph}` : ''}`;
}

function pressureText(pressure: Pressure | null, level: Level, store: HistoryStore | undefined, uid: string, d: Drawing): string {
  if (!pressure) return ' pressure not reported (the kubelet reports PSI from 1.34, on cgroup v2)';
  const parts = PRESSURE_RESOURCES.map((r, i) => {
    const stall = pressure[r];
    return stall ? `${SHORT[r]} ${percent(stall.some.avg10, level, d.theme.ascii)}${spark(store, uid, i, d, 100)}` : `${SHORT[r]} -`;
  });
  const full = PRESSURE_RESOURCES.map((r) => (pressure[r]?.full ? `${Math.trunc(pressure[r]?.full?.avg10 ?? 0)}%` : '-')).join(' ');
  return ` pressure ${parts.join('  ')}  (some avg10; full ${full})`;
}

function networkText(rates: NodeRow['signals']['network'], store: HistoryStore | undefined, uid: string, d: Drawing): string {
  if (!rates) return ' network: rates after two reads';
  const errors =
    rates.rxErrorsPerSecond === null || rates.txErrorsPerSecond === null
      ? ''
      : `  errors ${formatRate(rates.rxErrorsPerSecond + rates.txErrorsPerSecond)}/s`;
  return ` network rx ${formatRate(rates.rxBytesPerSecond)}/s${spark(store, uid, 0, d)}  tx ${formatRate(rates.txBytesPerSecond)}/s${spark(store, uid, 1, d)}${errors}`;
}

function countPair(f: Figure): string {
  const n = (v: number) => v.toLocaleString('en-US');
  return `${n(f.used ?? 0)}/${n(f.total ?? 0)}`;
}

function limitsText(row: NodeRow, ascii: boolean): string {
  const { inodes, imageInodes, pids } = row.signals;
  const fig = (label: string, f: Figure | null) =>
    f ? `${label} ${percent(f.percent ?? 0, f.level, ascii)} ${countPair(f)}` : `${label} -`;
  return ` ${fig('inodes', inodes)}${imageInodes ? `   ${fig('image fs inodes', imageInodes)}` : ''}   ${fig('PIDs', pids)}`;
}

/** The node's pods using the most ephemeral storage: which pods are filling it. */
function diskUsersText(pods: readonly PodRow[], ascii: boolean): string | null {
  const users = pods
    .filter((p) => p.signals.ephemeral)
    .sort((a, b) => (b.signals.ephemeral?.used ?? 0) - (a.signals.ephemeral?.used ?? 0))
    .slice(0, 3);
  if (users.length === 0) return null;
  const text = users.map((p) => {
    const eph = p.signals.ephemeral;
    const share = eph?.percent == null ? '' : ` (${percent(eph.percent, eph.level, ascii)} of ${eph.base})`;
    return `${p.namespace}/${p.name} ${formatBytes(eph?.used ?? 0)}${share}`;
  });
  return ` top disk users: ${text.join('  ')}`;
}

function sourcesText(row: NodeRow, d: Drawing): string {
  const sep = ` ${d.theme.symbols.separator} `;
  const at = (t: number | null) => (t === null ? '' : ` ${formatAge(d.now - t)} ago`);
  const { usage, cadvisorAt } = row.signals.sources;
  return [
    ` from: CPU/memory ${usage ?? 'not read'}`,
    `disk, inodes, PIDs, pressure, network /stats/summary${row.diskAt === null ? ' not read yet' : at(row.diskAt)}`,
    `throttling /metrics/cadvisor${cadvisorAt === null ? ' (for the nodes of pods on screen)' : at(cadvisorAt)}`,
  ].join(sep);
}

export function nodeSignalLines(row: NodeRow, pods: readonly PodRow[], d: Drawing): DetailLine[] {
  const { signals } = row;
  const disk = diskUsersText(pods, d.theme.ascii);
  const diskLevel = worstLevel(...pods.map((p) => p.signals.ephemeral?.level ?? 'ok'));
  return [
    {
      key: 'pressure',
      level: signals.pressureLevel,
      text: pressureText(signals.pressure, signals.pressureLevel, d.history?.nodePressure, row.uid, d),
    },
    {
      key: 'limits',
      level: worstLevel(signals.inodes?.level ?? 'ok', signals.imageInodes?.level ?? 'ok', signals.pids?.level ?? 'ok'),
      text: limitsText(row, d.theme.ascii),
    },
    { key: 'network', level: 'ok', text: networkText(signals.network, d.history?.nodeNetwork, row.uid, d) },
    ...(disk ? [{ key: 'disk users', level: diskLevel, text: disk }] : []),
    { key: 'sources', level: 'ok', text: sourcesText(row, d) },
  ];
}

function throttlingText(row: PodRow, d: Drawing): string {
  const thr = row.signals.throttling;
  if (!thr && row.cpu.limit === null) return ' CPU throttling: none (no CPU limit, no quota to hit)';
  if (!thr) return ' CPU throttling: not read yet (two cAdvisor reads of its node, 10 s apart)';
  const containers = [...thr.containers].map(([name, p]) => `${name} ${Math.trunc(p)}%`);
  const pod = thr.pod === null ? '' : `${containers.length ? '; ' : ''}pod cgroup ${Math.trunc(thr.pod)}%`;
  const detail = containers.length || pod ? ` (${containers.join(', ')}${pod})` : '';
  return ` CPU throttled ${percent(thr.percent, thr.level, d.theme.ascii)} of periods${spark(d.history?.podThrottling, row.uid, 0, d, 100)}${detail} ${d.theme.symbols.separator} /metrics/cadvisor ${formatAge(d.now - thr.readAt)} ago`;
}

function ephemeralText(row: PodRow, ascii: boolean): string {
  const eph = row.signals.ephemeral;
  if (!eph || eph.used === null) return ' ephemeral storage: not reported';
  if (eph.total === null || eph.percent === null) return ` ephemeral storage ${formatBytes(eph.used)} (no limit or request)`;
  return ` ephemeral storage ${percent(eph.percent, eph.level, ascii)}: ${formatBytes(eph.used)} of its ${formatBytes(eph.total)} ${eph.base} (evicted past the limit)`;
}

export function podSignalLines(row: PodRow, d: Drawing): DetailLine[] {
  const { signals } = row;
  const podNet = signals.network;
  return [
    { key: 'throttling', level: signals.throttling?.level ?? 'ok', text: throttlingText(row, d) },
    { key: 'ephemeral', level: signals.ephemeral?.level ?? 'ok', text: ephemeralText(row, d.theme.ascii) },
    {
      key: 'pressure',
      level: signals.pressureLevel,
      text: signals.pressure
        ? pressureText(signals.pressure, signals.pressureLevel, d.history?.podPressure, row.uid, d)
        : ' pressure: not reported yet (read for the pods on screen, from kubelets 1.34+ on cgroup v2)',
    },
    {
      key: 'network',
      level: 'ok',
      text: podNet
        ? networkText(podNet, d.history?.podNetwork, row.uid, d)
        : ' network: not read yet (rates from two reads, for the pods on screen)',
    },
  ];
}

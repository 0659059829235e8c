import type { ClusterLayout } from './cluster-layout.js';
import { Periodic } from './periodic.js';
import { scenarioNodes } from './pod-placement.js';

const SECOND = 1000;
const MINUTE = 60 * SECOND;

/** Disk use of the filling node, as the kubelet's eviction sees it (1 − available/capacity). */
export const FILL_FROM = 0.7;
export const FILL_TO = 0.95;
export const DISK_PRESSURE_AT = 0.9;

export interface NodeScenario {
  readonly node: number;
  readonly schedule: Periodic;
}

/** The filling disk climbs from `from` to `to` (shares of capacity) each cycle, then image GC frees it. */
export interface FillScenario extends NodeScenario {
  readonly from: number;
  readonly to: number;
}

/** A disk filling at a set rate from the start: `from` (a share) up by `perMinute` a minute. */
export interface DiskFill {
  readonly from: number;
  readonly perMinute: number;
}

export interface ScenarioOptions {
  /** Replaces the filling disk's cycle: full at the rate given, then freed and filling again. */
  readonly diskFill?: DiskFill;
}

export interface PodScenario {
  readonly slot: number;
  readonly schedule: Periodic;
}

/**
 * The moving parts of the simulated cluster, all timed from the moment the sim started (t0):
 * - flapping node: NotReady for 2 minutes of every 10, first at t0+2m;
 * - filling disk: climbs from 70% to 95% every 6 minutes and drops back (image GC); it starts at
 *   76%, passes 80% at t0+58s and 90% (DiskPressure) at t0+3m22s;
 * - full disk: a second node sits above 90% from the start;
 * - leak: a pod's working set climbs from 50% to 98% of its limit over 15 minutes and is
 *   OOMKilled; it starts at 77%, so the first OOM comes at t0+6m36s;
 * - crash loop: a container runs 8s, crashes and waits out a 5m back-off;
 * - flapping CPU: a node whose CPU swings around 69% every 40 seconds, across the 70% warning
 *   line and back within the 30 s an alert waits (6 nodes or more);
 * - cron: a Job pod every 5 wall-clock minutes, Pending 2s, Running until +40s, then Completed;
 *   the previous run's pod is deleted when the next starts.
 */
export interface Scenarios {
  readonly flapping: NodeScenario;
  readonly fillingDisk: FillScenario;
  readonly fullDisk: number;
  readonly hot: number | null;
  readonly flappingCpu: number | null;
  readonly leak: PodScenario | null;
  readonly crash: PodScenario | null;
  readonly cron: PodScenario | null;
}

function slotOf(layout: ClusterLayout, behaviour: string): number | null {
  const pod = layout.pods.find((p) => p.behaviour === behaviour);
  return pod ? pod.slot : null;
}

function podScenario(layout: ClusterLayout, behaviour: string, schedule: Periodic): PodScenario | null {
  const slot = slotOf(layout, behaviour);
  return slot === null ? null : { slot, schedule };
}

// Filled to this share, the disk is as good as full; image GC then frees it.
const FILLED = 0.99;

function fillingDisk(node: number, t0: number, fill: DiskFill | undefined): FillScenario {
  const from = fill?.from ?? FILL_FROM;
  const to = fill ? Math.max(from + 0.01, FILLED) : FILL_TO;
  const period = fill ? Math.round(((to - from) / fill.perMinute) * MINUTE) : 6 * MINUTE;
  // DiskPressure from where the share crosses the kubelet's 10% free line (at once if it starts past it).
  const pressureOffset = Math.max(1, Math.round(((DISK_PRESSURE_AT - from) / (to - from)) * period));
  const origin = fill ? t0 : t0 - Math.round(0.24 * period);
  return { node, schedule: new Periodic(period, origin, [0, pressureOffset]), from, to };
}

export function buildScenarios(layout: ClusterLayout, options: ScenarioOptions = {}): Scenarios {
  const t0 = layout.startedAt;
  const roles = scenarioNodes(layout.nodes.length);
  const leakPeriod = 15 * MINUTE;
  return {
    flapping: { node: roles.flapping, schedule: new Periodic(10 * MINUTE, t0 + 2 * MINUTE, [0, 2 * MINUTE]) },
    fillingDisk: fillingDisk(roles.fillingDisk, t0, options.diskFill),
    fullDisk: roles.fullDisk,
    hot: layout.nodes.length > 3 ? roles.hot : null,
    flappingCpu: layout.nodes.length > 5 ? roles.flappingCpu : null,
    leak: podScenario(layout, 'leak', new Periodic(leakPeriod, t0 - Math.round(0.56 * leakPeriod), [0])),
    crash: podScenario(layout, 'crash', new Periodic(5 * MINUTE + 8 * SECOND, t0 - 100 * SECOND, [0, 8 * SECOND])),
    cron: podScenario(layout, 'cron', new Periodic(5 * MINUTE, 0, [0, 2 * SECOND, 40 * SECOND])),
  };
}

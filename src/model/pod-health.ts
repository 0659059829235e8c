import { formatAge } from './age.js';
import { type Level, worstLevel } from './levels.js';
import { podStatus } from './pod-status.js';
import type { PodInfo } from './records.js';

export interface PodHealth {
  readonly status: string;
  readonly level: Level;
  readonly restarts: number;
  readonly reasons: readonly string[];
}

const FAILING =
  /^(Init:)?(CrashLoopBackOff|ImagePullBackOff|ErrImagePull|InvalidImageName|CreateContainerConfigError|CreateContainerError|RunContainerError|OOMKilled|Error|ExitCode:\d+|StartError|Evicted|Failed|Unknown|ContainerStatusUnknown)$/;
// Restarts older than this are history, not an ongoing problem.
const RECENT_RESTART_MS = 60 * 60 * 1000;
const SLOW_START_MS = 5 * 60 * 1000;

function restartLevel(pod: PodInfo, now: number, reasons: string[]): Level {
  let level: Level = 'ok';
  for (const c of pod.containers) {
    const last = c.lastTermination;
    if (!last || last.finishedAt === null || now - last.finishedAt > RECENT_RESTART_MS) continue;
    const oom = last.reason === 'OOMKilled';
    const ago = formatAge(now - last.finishedAt);
    reasons.push(`${c.name} restarted (${last.reason || `exit ${last.exitCode}`}) ${ago} ago, ${restartCount(c.restarts)}`);
    level = worstLevel(level, oom ? 'crit' : 'warn');
  }
  return level;
}

const startingUp = (status: string) => status === 'Pending' || status.startsWith('Init:') || status === 'ContainerCreating';

/**
 * When podHealth's answer for the pod can next change with the clock alone: a recent restart
 * growing old, or a pod still starting up passing the slow-start line. +Infinity when nothing is
 * due to age (most pods), so a pod unchanged keeps its health until its object changes.
 */
export function healthChangesAt(pod: PodInfo, now: number): number {
  let at = Number.POSITIVE_INFINITY;
  for (const c of pod.containers) {
    const finished = c.lastTermination?.finishedAt ?? null;
    if (finished !== null && now - finished <= RECENT_RESTART_MS) at = Math.min(at, finished + RECENT_RESTART_MS + 1);
  }
  if (startingUp(podStatus(pod)) && now - pod.createdAt <= SLOW_START_MS) at = Math.min(at, pod.createdAt + SLOW_START_MS + 1);
  return at;
}

export function podHealth(pod: PodInfo, now: number): PodHealth {
  const status = podStatus(pod);
  const reasons: string[] = [];
  const levels: Level[] = [restartLevel(pod, now, reasons)];
  if (FAILING.test(status)) {
    levels.push('crit');
    reasons.push(`status ${status}`);
  } else if (startingUp(status) && now - pod.createdAt > SLOW_START_MS) {
    levels.push('warn');
    reasons.push(`${status} for more than 5 minutes`);
  } else if (status === 'Running' && pod.containers.some((c) => !c.ready)) {
    levels.push('warn');
    reasons.push('running but not ready');
  }
  const restarts = pod.containers.reduce((sum, c) => sum + c.restarts, 0);
  return { status, level: worstLevel(...levels), restarts, reasons };
}

/** "1 restart", "17 restarts". */
export function restartCount(restarts: number): string {
  return `${restarts} ${restarts === 1 ? 'restart' : 'restarts'}`;
}

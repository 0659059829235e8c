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

export function podHealth(pod: PodInfo, now: number): PodHealth {
  const status = podStatus(pod);
  const reasons: string[] = [];
  const levels: Level[] = [restartLevel(pod, now, reasons)];
  if (FAILING.test(status)) {
    levels.push('crit');
    reasons.push(`status ${status}`);
  } else if (
    (status === 'Pending' || status.startsWith('Init:') || status === 'ContainerCreating') &&
    now - pod.createdAt > SLOW_START_MS
  ) {
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

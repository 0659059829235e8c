import type { ContainerInfo, PodInfo } from './records.js';

function terminatedText(c: ContainerInfo): string {
  return c.stateReason || `ExitCode:${c.exitCode ?? 0}`;
}

function initStatus(pod: PodInfo): string | null {
  const total = pod.initContainers.length;
  for (const [i, c] of pod.initContainers.entries()) {
    if (c.state === 'terminated' && c.exitCode === 0) continue;
    if (c.state === 'terminated') return `Init:${terminatedText(c)}`;
    if (c.state === 'waiting' && c.stateReason && c.stateReason !== 'PodInitializing') return `Init:${c.stateReason}`;
    return `Init:${i}/${total}`;
  }
  return null;
}

/** The STATUS column exactly as `kubectl get pods` derives it. */
export function podStatus(pod: PodInfo): string {
  let status = pod.reason || pod.phase;
  const init = initStatus(pod);
  if (init !== null) status = init;
  else {
    let hasRunning = false;
    for (const c of [...pod.containers].reverse()) {
      if (c.state === 'waiting' && c.stateReason) status = c.stateReason;
      else if (c.state === 'terminated') status = terminatedText(c);
      else if (c.state === 'running' && c.ready) hasRunning = true;
    }
    if (status === 'Completed' && hasRunning) status = 'Running';
  }
  if (pod.deletingSince !== null) return pod.reason === 'NodeLost' ? 'Unknown' : 'Terminating';
  return status;
}

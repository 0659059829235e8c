import { describe, expect, it } from 'vitest';
import { podStatus } from '../../src/model/pod-status.js';
import type { ContainerInfo, PodInfo } from '../../src/model/records.js';
import { container, podInfo } from '../helpers/records.js';

const running = (name = 'app') => container(name);
const notReady = (name = 'app') => container(name, { ready: false });
const waiting = (reason: string, name = 'app') => container(name, { state: 'waiting', stateReason: reason, ready: false });
const terminated = (reason: string, exitCode: number, name = 'app') =>
  container(name, { state: 'terminated', stateReason: reason, exitCode, ready: false });

// The STATUS column of `kubectl get pods`, from the rules in kubectl's printPod.
describe('podStatus', () => {
  it.each<[string, Partial<PodInfo>, string]>([
    ['running and ready', { containers: [running()] }, 'Running'],
    ['running, not ready yet', { containers: [notReady()] }, 'Running'],
    ['a finished job', { phase: 'Succeeded', containers: [terminated('Completed', 0)] }, 'Completed'],
    ['crash looping', { containers: [waiting('CrashLoopBackOff')] }, 'CrashLoopBackOff'],
    ['image pull failing', { phase: 'Pending', containers: [waiting('ImagePullBackOff')] }, 'ImagePullBackOff'],
    ['being created', { phase: 'Pending', containers: [waiting('ContainerCreating')] }, 'ContainerCreating'],
    [
      'not scheduled yet',
      { phase: 'Pending', nodeName: null, containers: [container('app', { state: 'unknown', ready: false })] },
      'Pending',
    ],
    ['killed for memory', { containers: [terminated('OOMKilled', 137)] }, 'OOMKilled'],
    ['exited without a reason', { phase: 'Failed', containers: [terminated('', 1)] }, 'ExitCode:1'],
    ['failed with Error', { phase: 'Failed', containers: [terminated('Error', 42)] }, 'Error'],
    ['evicted', { phase: 'Failed', reason: 'Evicted', containers: [] }, 'Evicted'],
    [
      'the first container decides among several failing',
      { containers: [waiting('CrashLoopBackOff', 'a'), waiting('ImagePullBackOff', 'b')] },
      'CrashLoopBackOff',
    ],
    ['a completed sidecar beside a running container', { containers: [terminated('Completed', 0, 'a'), running('b')] }, 'Running'],
    ['completed beside a running but unready container', { containers: [terminated('Completed', 0, 'a'), notReady('b')] }, 'Completed'],
    // init containers
    [
      'first init container running',
      { phase: 'Pending', initContainers: [running('init')], containers: [waiting('PodInitializing')] },
      'Init:0/1',
    ],
    [
      'second of two init containers running',
      { phase: 'Pending', initContainers: [terminated('Completed', 0, 'i1'), running('i2')], containers: [waiting('PodInitializing')] },
      'Init:1/2',
    ],
    [
      'init waiting on PodInitializing counts as progress',
      { phase: 'Pending', initContainers: [waiting('PodInitializing', 'init')] },
      'Init:0/1',
    ],
    ['init container crash looping', { phase: 'Pending', initContainers: [waiting('CrashLoopBackOff', 'init')] }, 'Init:CrashLoopBackOff'],
    ['init container failed', { phase: 'Pending', initContainers: [terminated('Error', 1, 'init')] }, 'Init:Error'],
    ['init container exited without a reason', { phase: 'Pending', initContainers: [terminated('', 3, 'init')] }, 'Init:ExitCode:3'],
    ['init done, app running', { initContainers: [terminated('Completed', 0, 'init')], containers: [running()] }, 'Running'],
    // deletion
    ['being deleted', { deletingSince: 1000, containers: [running()] }, 'Terminating'],
    ['being deleted while crash looping', { deletingSince: 1000, containers: [waiting('CrashLoopBackOff')] }, 'Terminating'],
    ['deleted on a lost node', { deletingSince: 1000, reason: 'NodeLost', containers: [running()] }, 'Unknown'],
  ])('%s → %s', (_, overrides, status) => {
    expect(podStatus(podInfo('p', overrides))).toBe(status);
  });

  it('does not reorder the containers it reads', () => {
    const containers: ContainerInfo[] = [waiting('A', 'a'), waiting('B', 'b')];
    podStatus(podInfo('p', { containers }));
    expect(containers.map((c) => c.name)).toEqual(['a', 'b']);
  });
});

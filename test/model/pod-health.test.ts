import { describe, expect, it } from 'vitest';
import type { Level } from '../../src/model/levels.js';
import { healthChangesAt, podHealth, restartCount } from '../../src/model/pod-health.js';
import type { PodInfo } from '../../src/model/records.js';
import { container, podInfo } from '../helpers/records.js';

const MIN = 60_000;
const NOW = 10 * 60 * MIN;

const restarted = (reason: string, minutesAgo: number, restarts = 3) =>
  container('app', {
    restarts,
    lastTermination: { reason, exitCode: reason === 'OOMKilled' ? 137 : 1, finishedAt: NOW - minutesAgo * MIN },
  });

describe('podHealth', () => {
  it.each<[string, Partial<PodInfo>, Level, string[]]>([
    ['running and ready', {}, 'ok', []],
    [
      'crash looping',
      { containers: [container('app', { state: 'waiting', stateReason: 'CrashLoopBackOff', ready: false })] },
      'crit',
      ['status CrashLoopBackOff'],
    ],
    [
      'init container crash looping',
      { phase: 'Pending', initContainers: [container('init', { state: 'waiting', stateReason: 'CrashLoopBackOff', ready: false })] },
      'crit',
      ['status Init:CrashLoopBackOff'],
    ],
    [
      'exited with an error code',
      { containers: [container('app', { state: 'terminated', exitCode: 2, ready: false })] },
      'crit',
      ['status ExitCode:2'],
    ],
    ['evicted', { phase: 'Failed', reason: 'Evicted', containers: [] }, 'crit', ['status Evicted']],
    [
      'a completed job is fine',
      { phase: 'Succeeded', containers: [container('app', { state: 'terminated', stateReason: 'Completed', exitCode: 0, ready: false })] },
      'ok',
      [],
    ],
    ['pending for a minute is normal', { phase: 'Pending', createdAt: NOW - MIN, containers: [] }, 'ok', []],
    [
      'pending for ten minutes',
      { phase: 'Pending', createdAt: NOW - 10 * MIN, containers: [] },
      'warn',
      ['Pending for more than 5 minutes'],
    ],
    ['running but not ready', { containers: [container('app', { ready: false })] }, 'warn', ['running but not ready']],
    ['OOM-killed ten minutes ago', { containers: [restarted('OOMKilled', 10)] }, 'crit', ['app restarted (OOMKilled) 10m ago, 3 restarts']],
    [
      'restarted with an error ten minutes ago',
      { containers: [restarted('Error', 10)] },
      'warn',
      ['app restarted (Error) 10m ago, 3 restarts'],
    ],
    [
      'restart without a reason names the exit code',
      { containers: [restarted('', 10)] },
      'warn',
      ['app restarted (exit 1) 10m ago, 3 restarts'],
    ],
    ['a restart two hours ago is history', { containers: [restarted('OOMKilled', 120)] }, 'ok', []],
  ])('%s → %s', (_, overrides, level, reasons) => {
    const health = podHealth(podInfo('p', { createdAt: 0, ...overrides }), NOW);
    expect(health.level).toBe(level);
    expect(health.reasons).toEqual(reasons);
  });

  it('sums restarts over containers', () => {
    const pod = podInfo('p', { containers: [container('a', { restarts: 2 }), container('b', { restarts: 5 })] });
    expect(podHealth(pod, NOW).restarts).toBe(7);
  });
});

describe('restartCount', () => {
  it.each([
    [0, '0 restarts'],
    [1, '1 restart'],
    [17, '17 restarts'],
  ])('%i → %s', (n, text) => {
    expect(restartCount(n)).toBe(text);
  });
});

describe('healthChangesAt: when a pod’s health next changes with the clock alone', () => {
  it.each<[string, Partial<PodInfo>, number]>([
    ['running, no restart: never', {}, Number.POSITIVE_INFINITY],
    ['a restart 10 minutes ago: when it is an hour old', { containers: [restarted('Error', 10)] }, NOW + 50 * MIN + 1],
    ['a restart 2 hours ago: never', { containers: [restarted('Error', 120)] }, Number.POSITIVE_INFINITY],
    ['pending for 2 minutes: at 5 minutes', { phase: 'Pending', containers: [], createdAt: NOW - 2 * MIN }, NOW + 3 * MIN + 1],
    ['pending for 10 minutes: never again', { phase: 'Pending', containers: [], createdAt: NOW - 10 * MIN }, Number.POSITIVE_INFINITY],
  ])('%s', (_, over, at) => {
    const pod = podInfo('p', over);
    expect(healthChangesAt(pod, NOW)).toBe(at);
    if (Number.isFinite(at)) expect(podHealth(pod, at).level).not.toBe(podHealth(pod, at - 1).level);
  });
});

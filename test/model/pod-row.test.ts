import { describe, expect, it } from 'vitest';
import type { Level } from '../../src/model/levels.js';
import { buildPodRow } from '../../src/model/pod-row.js';
import { PodUsageIndex } from '../../src/model/pod-usage-index.js';
import type { ContainerInfo, PodInfo } from '../../src/model/records.js';
import { DEFAULT_THRESHOLDS } from '../../src/model/thresholds.js';
import { container, MiB, podInfo, podUsage, snapshot } from '../helpers/records.js';

// Two containers, each requesting 100m / 100Mi and limited to 200m / 200Mi: pod request 200m / 200Mi,
// limit 400m / 400Mi. Levels compare usage with the limit (CPU 70/90, memory 80/90).
const sized = (name: string, over: Partial<ContainerInfo> = {}) =>
  container(name, { requests: { cpuMilli: 100, memoryBytes: 100 * MiB }, limits: { cpuMilli: 200, memoryBytes: 200 * MiB }, ...over });
const pod = (over: Partial<PodInfo> = {}) => podInfo('web-1', { namespace: 'shop', containers: [sized('app'), sized('side')], ...over });

function row(p: PodInfo, cpuMilli: number | null, memoryBytes: number | null) {
  const usage = cpuMilli === null || memoryBytes === null ? [] : [podUsage('shop', 'web-1', cpuMilli, memoryBytes, 1234)];
  return buildPodRow(p, snapshot({ pods: [p], podUsage: PodUsageIndex.of(usage) }), DEFAULT_THRESHOLDS, 0);
}

describe('buildPodRow', () => {
  it.each<[string, number, number, [number, number, Level], [number, number, Level]]>([
    // cpu: usage, % of request, % of limit, level; memory the same
    ['well within limits', 100, 100 * MiB, [50, 25, 'ok'], [50, 25, 'ok']],
    ['far over request but under the limit is not an alert', 270, 300 * MiB, [135, 67.5, 'ok'], [150, 75, 'ok']],
    ['CPU at 75% of limit warns (throttling ahead)', 300, 100 * MiB, [150, 75, 'warn'], [50, 25, 'ok']],
    ['memory at 92.5% of limit is critical (OOM risk)', 190, 370 * MiB, [95, 47.5, 'ok'], [185, 92.5, 'crit']],
  ])('%s', (_, cpu, memory, [cpuReq, cpuLim, cpuLevel], [memReq, memLim, memLevel]) => {
    const r = row(pod(), cpu, memory);
    expect(r.cpu).toEqual({ usage: cpu, request: 200, limit: 400, percentOfRequest: cpuReq, percentOfLimit: cpuLim, level: cpuLevel });
    expect(r.memory).toEqual({
      usage: memory,
      request: 200 * MiB,
      limit: 400 * MiB,
      percentOfRequest: memReq,
      percentOfLimit: memLim,
      level: memLevel,
    });
    expect(r.metricsAt).toBe(1234);
  });

  it('says why a hot pod alerts', () => {
    const r = row(pod(), 380, 370 * MiB);
    // 380/400 = 95% → crit; 370/400 = 92.5% → crit
    expect(r.level).toBe('crit');
    expect(r.reasons).toEqual(['CPU at 95% of limit (throttling)', 'memory at 92% of limit (OOM risk)']);
  });

  it.each<[string, Partial<ContainerInfo>, 'cpu' | 'memory', 'request' | 'limit']>([
    ['no CPU limit', { limits: { cpuMilli: null, memoryBytes: 200 * MiB } }, 'cpu', 'limit'],
    ['no memory limit', { limits: { cpuMilli: 200, memoryBytes: null } }, 'memory', 'limit'],
    ['no CPU request', { requests: { cpuMilli: null, memoryBytes: 100 * MiB } }, 'cpu', 'request'],
    ['no memory request', { requests: { cpuMilli: 100, memoryBytes: null } }, 'memory', 'request'],
  ])('one container with %s makes the pod total unknown', (_, over, resource, side) => {
    const r = row(pod({ containers: [sized('app'), sized('side', over)] }), 390, 390 * MiB);
    expect(r[resource][side]).toBeNull();
    const percent = side === 'limit' ? 'percentOfLimit' : 'percentOfRequest';
    expect(r[resource][percent]).toBeNull();
    // with no limit there is nothing to throttle or kill against, however high the usage
    if (side === 'limit') expect(r[resource].level).toBe('ok');
  });

  it('a pod without metrics has unknown usage and no usage alert', () => {
    const r = row(pod(), null, null);
    expect(r.cpu).toMatchObject({ usage: null, percentOfLimit: null, level: 'ok' });
    expect(r.metricsAt).toBeNull();
  });

  it('status, readiness, restarts and placement', () => {
    const p = pod({
      nodeName: null,
      phase: 'Pending',
      containers: [
        sized('app', { restarts: 2 }),
        sized('side', { ready: false, restarts: 1, state: 'waiting', stateReason: 'CrashLoopBackOff' }),
      ],
    });
    const r = row(p, 10, 10 * MiB);
    expect(r).toMatchObject({ node: '<none>', status: 'CrashLoopBackOff', statusLevel: 'crit', ready: '1/2', restarts: 3, level: 'crit' });
  });
});

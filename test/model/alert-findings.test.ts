import { describe, expect, it } from 'vitest';
import { observe, terminations } from '../../src/model/alert-findings.js';
import { buildNodeRows } from '../../src/model/node-row.js';
import { buildPodRow } from '../../src/model/pod-row.js';
import { PodUsageIndex } from '../../src/model/pod-usage-index.js';
import type { Problem } from '../../src/model/problems.js';
import type { NodeInfo, PodInfo } from '../../src/model/records.js';
import type { Snapshot } from '../../src/model/snapshot.js';
import { DEFAULT_THRESHOLDS } from '../../src/model/thresholds.js';
import { condition, container, GiB, MiB, nodeInfo, nodeSummary, podInfo, podUsage, snapshot } from '../helpers/records.js';

const T0 = Date.parse('2026-06-26T10:00:00Z');
const MINUTE = 60_000;

function observed(s: Snapshot, pods: PodInfo[] = [], problems: Problem[] = []) {
  const nodes = buildNodeRows(s, DEFAULT_THRESHOLDS);
  return observe({
    nodes,
    nodeInfo: s.nodes,
    pods: pods.map((pod) => ({ pod, row: buildPodRow(pod, s, DEFAULT_THRESHOLDS, s.takenAt) })),
    problems,
    thresholds: DEFAULT_THRESHOLDS,
    terminationsOf: s.pods,
    now: s.takenAt,
  });
}

const usage = (name: string, cpuMilli: number) => ({ name, cpuMilli, memoryBytes: 1 * GiB, timestamp: T0 });
const disk = (name: string, freeGiB: number) => ({
  summary: nodeSummary(name, { fs: { capacityBytes: 100 * GiB, availableBytes: freeGiB * GiB, usedBytes: null } }),
  fetchedAt: T0,
});

describe('observe: what one snapshot says about alerts', () => {
  it('a NotReady node: a crit condition dated from its last transition, clearing as NotReady → Ready', () => {
    const down: NodeInfo = nodeInfo('hk-3', {
      conditions: [{ ...condition('Ready', 'False', 'Kubelet stopped posting node status.'), since: T0 - 3 * MINUTE }],
    });
    const { findings } = observed(snapshot({ takenAt: T0, nodes: [down] }));
    expect(findings).toEqual([
      {
        key: 'node/uid-hk-3|condition|NotReady',
        kind: 'condition',
        target: { kind: 'node', name: 'hk-3', uid: 'uid-hk-3' },
        level: 'crit',
        hold: 'crit',
        message: 'NotReady: Kubelet stopped posting node status.',
        cleared: 'NotReady → Ready',
        forMs: 0,
        startedAt: T0 - 3 * MINUTE,
      },
    ]);
  });

  it('figures over their lines, with the clearing line 2 points below and CPU’s 30 s for:', () => {
    const node = nodeInfo('hk-7');
    const s = snapshot({
      takenAt: T0,
      nodes: [node],
      nodeUsage: new Map([['hk-7', usage('hk-7', 3560)]]),
      summaries: new Map([['hk-7', disk('hk-7', 21)]]),
    });
    // CPU 89% of 4 cores: warn, but crit to hold; disk 79%: not over, but a firing warn would hold.
    expect(observed(s).findings.map((f) => [f.key, f.level, f.hold, f.forMs, f.message])).toEqual([
      ['node/uid-hk-7|cpu', 'warn', 'crit', 30_000, 'CPU at 89%'],
      ['node/uid-hk-7|disk', 'ok', 'warn', 0, 'disk at 79%'],
    ]);
  });

  it('a failed read is an alert: the cluster’s for lists (crit), the node’s for its kubelet (warn)', () => {
    const node = nodeInfo('hk-2');
    const problems: Problem[] = [
      { source: 'nodes', kind: 'unreachable', message: 'nodes: connection refused', since: T0 - MINUTE },
      { source: 'kubelet', kind: 'timeout', message: 'kubelet on hk-2: no answer', node: 'hk-2', since: T0 },
    ];
    const { findings } = observed(snapshot({ takenAt: T0, nodes: [node] }), [], problems);
    expect(findings.map((f) => [f.kind, f.target, f.level, f.startedAt])).toEqual([
      ['read', { kind: 'cluster', name: '' }, 'crit', T0 - MINUTE],
      ['read', { kind: 'node', name: 'hk-2', uid: 'uid-hk-2' }, 'warn', T0],
    ]);
  });

  it('pods: a crash loop, memory against the limit, and each recent termination', () => {
    const looping = podInfo('api', {
      namespace: 'web',
      containers: [
        container('main', {
          state: 'waiting',
          stateReason: 'CrashLoopBackOff',
          ready: false,
          restarts: 4,
          limits: { cpuMilli: null, memoryBytes: 1024 * MiB },
          lastTermination: { reason: 'OOMKilled', exitCode: 137, finishedAt: T0 - 2 * MINUTE },
        }),
      ],
    });
    const s = snapshot({ takenAt: T0, pods: [looping], podUsage: PodUsageIndex.of([podUsage('web', 'api', 5, 950 * MiB, T0)]) });
    const { findings } = observed(s, [looping]);
    expect(findings.map((f) => [f.kind, f.level, f.message])).toEqual([
      ['pod', 'crit', 'main restarted (OOMKilled) 2m ago, 4 restarts; status CrashLoopBackOff'],
      ['memory', 'crit', 'memory at 92% of limit'],
    ]);
    expect(terminations(s.pods, T0)).toEqual([
      {
        key: `uid-api|main|${T0 - 2 * MINUTE}`,
        at: T0 - 2 * MINUTE,
        target: { kind: 'pod', name: 'api', namespace: 'web', uid: 'uid-api' },
        oom: true,
        message: 'main OOMKilled, 4 restarts',
      },
    ]);
    expect(terminations(s.pods, T0 + 2 * 60 * MINUTE)).toEqual([]);
  });

  it('a figure nobody could read keeps its alert; a vanished node’s alerts end', () => {
    const node = nodeInfo('hk-7');
    const { unknown } = observed(snapshot({ takenAt: T0, nodes: [node] }));
    const on = (kind: 'cpu' | 'condition', uid: string) => unknown({ kind, target: { kind: 'node', name: 'x', uid } });
    expect(on('cpu', 'uid-hk-7')).toBe(true);
    expect(on('condition', 'uid-hk-7')).toBe(false);
    expect(on('cpu', 'uid-gone')).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { FrameDecoder } from '../../src/model/frame-decoder.js';
import { FrameEncoder } from '../../src/model/frame-encoder.js';
import type { FrameRecord } from '../../src/model/frame-record.js';
import { kubeletHistories } from '../../src/model/kubelet-history.js';
import { PodStatsIndex } from '../../src/model/pod-stats-index.js';
import { PodUsageIndex } from '../../src/model/pod-usage-index.js';
import type { Snapshot } from '../../src/model/snapshot.js';
import { GiB, nodeInfo, nodeSummary, podInfo, podUsage, snapshot } from '../helpers/records.js';

// A recording's frames carry what changed; replayed in order they give back every snapshot's
// figures, and the collections a frame leaves alone keep their identity, as live.

const T0 = Date.parse('2026-06-26T10:00:00Z');
const a = nodeInfo('node-a');
const b = nodeInfo('node-b');
const web = podInfo('web-1', { namespace: 'shop' });
const db = podInfo('db-0', { namespace: 'data' });
const usage = (seq: number, pods: PodUsageIndex) =>
  snapshot({
    seq,
    takenAt: T0 + seq * 5_000,
    nodes: [a, b],
    pods: [web, db],
    podUsage: pods,
    nodeUsage: new Map([[a.name, { name: a.name, cpuMilli: 100 * seq, memoryBytes: GiB, timestamp: T0 + seq * 5_000 - 1_000 }]]),
  });

/** Frames as they come back from disk: through JSON. */
function throughJson(frames: FrameRecord[]): FrameRecord[] {
  return frames.map((f) => JSON.parse(JSON.stringify(f)) as FrameRecord);
}

function replayed(snapshots: Snapshot[]): Snapshot[] {
  const encoder = new FrameEncoder();
  const frames = throughJson(snapshots.map((s) => encoder.next(s)));
  const decoder = new FrameDecoder();
  return frames.map((f) => decoder.apply(f, snapshots[0]?.history as Snapshot['history']));
}

describe('recorded frames', () => {
  it('give back each snapshot’s nodes, pods, usage, summaries, problems and times', () => {
    const first = PodUsageIndex.of([podUsage('shop', 'web-1', 120, 300 * 2 ** 20, T0), podUsage('data', 'db-0', 40, GiB, T0)]);
    const second = PodUsageIndex.of([podUsage('shop', 'web-1', 150, 310 * 2 ** 20, T0 + 15_000)]);
    const s1 = usage(1, first);
    const s2 = {
      ...usage(2, first),
      nodeUsage: s1.nodeUsage,
      summaries: new Map([
        [a.name, { summary: nodeSummary(a.name, { fs: { capacityBytes: 100, availableBytes: 20, usedBytes: 75 } }), fetchedAt: T0 }],
      ]),
      problems: [{ source: 'kubelet' as const, kind: 'timeout' as const, message: 'kubelet node-b: no answer', node: 'node-b', since: T0 }],
    };
    const s3 = { ...usage(3, second), nodes: [a], pods: [web], summaries: s2.summaries, problems: s2.problems };
    const [r1, r2, r3] = replayed([s1, s2, s3]);
    expect(r1?.nodes).toEqual([a, b]);
    expect(r1?.podUsage.get('data', 'db-0')).toEqual(podUsage('data', 'db-0', 40, GiB, T0));
    expect(r2?.summaries.get(a.name)?.summary.fs?.availableBytes).toBe(20);
    expect(r2?.problems).toEqual(s2.problems);
    expect(r3?.nodes).toEqual([a]);
    expect(r3?.pods).toEqual([web]);
    expect(r3?.podUsage.get('shop', 'web-1')?.cpuMilli).toBe(150);
    expect(r3?.podUsage.get('data', 'db-0')).toBeUndefined();
    expect(r3?.nodeUsage.get(a.name)?.cpuMilli).toBe(300);
    expect([r1?.takenAt, r2?.seq, r3?.seq]).toEqual([T0 + 5_000, 2, 3]);
  });

  it('give back what the kubelets said: pods’ ephemeral storage, pressure and network, and throttling', () => {
    const stats = { namespace: 'shop', name: 'web-1', ephemeral: { usedBytes: 3 * GiB, time: T0 }, network: null, pressure: null };
    const rate = { rxBytesPerSecond: 2048, txBytesPerSecond: 512, rxErrorsPerSecond: null, txErrorsPerSecond: null, at: T0 };
    const summary = nodeSummary(a.name, { podStats: PodStatsIndex.of([stats], T0) });
    const throttled = { percent: 40, pod: null, containers: new Map([['app', 40]]), at: T0 };
    const s1 = {
      ...usage(1, new PodUsageIndex()),
      summaries: new Map([
        [a.name, { summary, fetchedAt: T0, detail: true, rates: { node: rate, pods: new Map([['shop/web-1', rate]]) } }],
      ]),
      kubelet: {
        throttling: new Map([[a.name, { reading: { pods: [] }, pods: new Map([['shop/web-1', throttled]]), fetchedAt: T0 }]]),
        history: kubeletHistories({ nodes: 4, pods: 4 }),
      },
    };
    const encoder = new FrameEncoder();
    const [frame] = throughJson([encoder.next(s1)]);
    const replayedOne = new FrameDecoder().apply(frame as FrameRecord, s1.history, s1.kubelet.history);
    const fetched = replayedOne.summaries.get(a.name);
    expect(fetched?.summary.podStats?.get('shop', 'web-1')).toEqual(stats);
    expect(fetched?.rates?.pods.get('shop/web-1')?.rxBytesPerSecond).toBe(2048);
    expect(replayedOne.kubelet?.throttling.get(a.name)?.pods.get('shop/web-1')?.containers.get('app')).toBe(40);
  });

  it('keep the identity of what a frame leaves alone, and write only what changed', () => {
    const pods = PodUsageIndex.of([podUsage('shop', 'web-1', 1, 1, T0)]);
    const s1 = usage(1, pods);
    const s2 = { ...usage(2, pods), nodes: s1.nodes, pods: s1.pods };
    const encoder = new FrameEncoder();
    const [f1, f2] = [encoder.next(s1), encoder.next(s2)];
    expect(f1?.str).toEqual(['shop', 'web-1', 'main']);
    expect(f2).toEqual({ t: s2.takenAt, seq: 2, nodeUsage: { set: [s2.nodeUsage.get(a.name)] } });
    const decoder = new FrameDecoder();
    const [r1, r2] = throughJson([f1 as FrameRecord, f2 as FrameRecord]).map((f) => decoder.apply(f, s1.history));
    expect(r2?.nodes).toBe(r1?.nodes);
    expect(r2?.pods).toBe(r1?.pods);
    expect(r2?.podUsage).toBe(r1?.podUsage);
    expect(r2?.summaries).toBe(r1?.summaries);
  });

  it('writes a pod changed in place as that pod alone, and a list in a new array but unchanged as nothing', () => {
    const pods = PodUsageIndex.of([]);
    const s1 = usage(1, pods);
    const restarted = { ...web, phase: 'Pending' };
    const encoder = new FrameEncoder();
    encoder.next(s1);
    expect(encoder.next({ ...usage(2, pods), nodes: s1.nodes, pods: [...s1.pods] }).pods).toBeUndefined();
    expect(encoder.next({ ...usage(3, pods), nodes: s1.nodes, pods: [restarted, db] }).pods).toEqual({ set: [restarted] });
    expect(encoder.next({ ...usage(4, pods), nodes: s1.nodes, pods: [db] }).pods).toEqual({ del: [restarted.uid] });
  });

  it('writes pod usage that metrics-server renewed but did not change as nothing', () => {
    const s1 = usage(1, PodUsageIndex.of([podUsage('shop', 'web-1', 5, 6, T0)]));
    const s2 = usage(2, PodUsageIndex.of([podUsage('shop', 'web-1', 5, 6, T0)]));
    const encoder = new FrameEncoder();
    encoder.next(s1);
    expect(encoder.next(s2).podUsage).toBeUndefined();
  });

  it('refuses a frame naming strings it never had', () => {
    const decoder = new FrameDecoder();
    const frame: FrameRecord = { t: T0, seq: 1, podUsage: { set: [7, 8, 1, 1, 0, 0] } };
    expect(() => decoder.apply(frame, snapshot().history)).toThrow(/not in the recording's table/);
  });
});

import { describe, expect, it } from 'vitest';
import { type HistoryInput, HistoryRecorder } from '../../src/collect/history-recorder.js';
import { HistoryStore } from '../../src/model/history.js';
import { PodUsageIndex } from '../../src/model/pod-usage-index.js';
import type { Histories } from '../../src/model/snapshot.js';
import { nodeInfo, nodeSummary, podInfo, podUsage } from '../helpers/records.js';

const histories = (): Histories => ({
  nodeUsage: new HistoryStore({ seriesCount: 2, depth: 4 }),
  nodeDisk: new HistoryStore({ seriesCount: 3, depth: 4 }),
  podUsage: new HistoryStore({ seriesCount: 2, depth: 4 }),
});

function input(seq: number, over: Partial<HistoryInput> = {}): HistoryInput {
  return {
    seq,
    nodes: [nodeInfo('n1')],
    pods: [podInfo('p1')],
    nodeUsage: new Map(),
    podUsage: new PodUsageIndex(),
    summaries: new Map(),
    ...over,
  };
}

const nodeUsage = (cpuMilli: number, timestamp: number) =>
  new Map([['n1', { name: 'n1', cpuMilli, memoryBytes: cpuMilli * 2, timestamp }]]);
const disk = (availableBytes: number, fetchedAt: number) =>
  new Map([['n1', { summary: nodeSummary('n1', { fs: { capacityBytes: 200, availableBytes, usedBytes: null } }), fetchedAt }]]);

/** A recorder over fresh histories; `record` takes a frame's input. */
function recorder() {
  const h = histories();
  const r = new HistoryRecorder(h);
  return { h, record: (i: HistoryInput) => r.record(i) };
}

describe('HistoryRecorder', () => {
  it.each<[string, [number, number][], number[]]>([
    // [cpu, metrics timestamp] per poll → cpu series recorded
    [
      'a new timestamp each poll',
      [
        [1, 10],
        [2, 20],
        [3, 30],
      ],
      [1, 2, 3],
    ],
    [
      'the same timestamp repeated is one sample',
      [
        [1, 10],
        [2, 10],
        [3, 10],
        [4, 20],
      ],
      [1, 4],
    ],
    [
      'a NaN timestamp (no time in the answer) is never recorded',
      [
        [1, Number.NaN],
        [2, Number.NaN],
      ],
      [],
    ],
  ])('CPU/memory: %s', (_, polls, cpu) => {
    const { h, record } = recorder();
    for (const [i, [value, ts]] of polls.entries()) record(input(i + 1, { nodeUsage: nodeUsage(value, ts) }));
    expect(h.nodeUsage.read('uid-n1', 0)).toEqual(cpu);
    expect(h.nodeUsage.read('uid-n1', 1)).toEqual(cpu.map((v) => v * 2));
  });

  it('disk %: one sample per kubelet read, from 1 − available/capacity', () => {
    const { h, record } = recorder();
    record(input(1, { summaries: disk(150, 1000) }));
    record(input(2, { summaries: disk(100, 1000) }));
    record(input(3, { summaries: disk(50, 2000) }));
    // 1 − 150/200 = 25%; the second poll brought no new read; 1 − 50/200 = 75%
    expect(h.nodeDisk.read('uid-n1', 0)).toEqual([25, 75]);
  });

  it('image fs and inodes % beside the node fs, stamped with the time the kubelet measured them', () => {
    const { h, record } = recorder();
    const read = (time: number, inodesFree: number, fetchedAt: number) => {
      const fs = { capacityBytes: 200, availableBytes: 100, usedBytes: null, inodes: 1000, inodesFree, time };
      const imageFs = { capacityBytes: 400, availableBytes: 100, usedBytes: null };
      return new Map([['n1', { summary: nodeSummary('n1', { fs, imageFs }), fetchedAt }]]);
    };
    record(input(1, { summaries: read(60_000, 900, 61_000) }));
    // Read again before the kubelet measured again: nothing new.
    record(input(2, { summaries: read(60_000, 900, 66_000) }));
    record(input(3, { summaries: read(75_000, 800, 76_000) }));
    expect(h.nodeDisk.read('uid-n1', 0)).toEqual([50, 50]);
    expect(h.nodeDisk.read('uid-n1', 1)).toEqual([75, 75]);
    expect(h.nodeDisk.read('uid-n1', 2)).toEqual([10, 20]);
    expect(h.nodeDisk.readTimes('uid-n1')).toEqual([60_000, 75_000]);
  });

  it('pod samples are keyed by UID, and a vanished pod or node loses its history', () => {
    const { h, record } = recorder();
    const podUsageMap = (ts: number) => PodUsageIndex.of([podUsage('default', 'p1', 5, 50, ts)]);
    record(input(1, { podUsage: podUsageMap(10), nodeUsage: nodeUsage(1, 10) }));
    expect(h.podUsage.read('uid-p1', 0)).toEqual([5]);
    record(input(2, { pods: [], nodes: [], podUsage: podUsageMap(20), nodeUsage: nodeUsage(1, 20) }));
    expect(h.podUsage.size).toBe(0);
    expect(h.nodeUsage.size).toBe(0);
    // same name, new UID: a recreated pod starts fresh
    record(input(3, { pods: [podInfo('p1', { uid: 'uid-p1-new' })], podUsage: podUsageMap(30) }));
    expect(h.podUsage.read('uid-p1', 0)).toEqual([]);
    expect(h.podUsage.read('uid-p1-new', 0)).toEqual([5]);
  });

  it('tags samples with the poll sequence, so a paused frame reads history as it was', () => {
    const { h, record } = recorder();
    for (let seq = 1; seq <= 4; seq++) record(input(seq, { nodeUsage: nodeUsage(seq * 10, seq) }));
    expect(h.nodeUsage.read('uid-n1', 0, 4, 2)).toEqual([10, 20]);
  });

  it('records new pod usage for an unchanged pod list, matching usage to pods by namespace/name', () => {
    const { h, record } = recorder();
    const pods = [podInfo('p1'), podInfo('p2')];
    record(input(1, { pods, podUsage: PodUsageIndex.of([podUsage('default', 'p1', 1, 10, 1)]) }));
    record(input(2, { pods, podUsage: PodUsageIndex.of([podUsage('default', 'p2', 7, 70, 2)]) }));
    expect(h.podUsage.read('uid-p1', 0)).toEqual([1]);
    expect(h.podUsage.read('uid-p2', 0)).toEqual([7]);
  });

  it('a pod list that changed keeps the history of every pod still there, replaced objects too, and frees that of pods gone', () => {
    const { h, record } = recorder();
    const pods = Array.from({ length: 50 }, (_, i) => podInfo(`p${i}`));
    const usage = (ts: number) => PodUsageIndex.of(pods.map((p, i) => podUsage('default', p.name, i, i, ts)));
    record(input(1, { pods, podUsage: usage(1) }));
    // p3 is replaced by a newer object of the same pod, p10 to p12 are gone, p50 is new.
    const next = [...pods.slice(0, 3), { ...(pods[3] as (typeof pods)[number]) }, ...pods.slice(4, 10), ...pods.slice(13), podInfo('p50')];
    record(input(2, { pods: next, podUsage: usage(2) }));
    expect(h.podUsage.read('uid-p3', 0)).toEqual([3, 3]);
    expect(h.podUsage.read('uid-p40', 0)).toEqual([40, 40]);
    expect(['uid-p10', 'uid-p11', 'uid-p12'].map((uid) => h.podUsage.read(uid, 0))).toEqual([[], [], []]);
    expect(h.podUsage.size).toBe(47);
  });
});

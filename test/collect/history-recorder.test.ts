import { describe, expect, it } from 'vitest';
import { type HistoryInput, recordHistory } from '../../src/collect/record-history.js';
import { HistoryStore } from '../../src/model/history.js';
import type { Histories } from '../../src/model/snapshot.js';
import { nodeInfo, nodeSummary, podInfo, podUsage } from '../helpers/records.js';

const histories = (): Histories => ({
  nodeUsage: new HistoryStore({ seriesCount: 2, depth: 4 }),
  nodeDisk: new HistoryStore({ seriesCount: 1, depth: 4 }),
  podUsage: new HistoryStore({ seriesCount: 2, depth: 4 }),
});

function input(seq: number, over: Partial<HistoryInput> = {}): HistoryInput {
  return { seq, nodes: [nodeInfo('n1')], pods: [podInfo('p1')], nodeUsage: new Map(), podUsage: new Map(), summaries: new Map(), ...over };
}

const nodeUsage = (cpuMilli: number, timestamp: number) =>
  new Map([['n1', { name: 'n1', cpuMilli, memoryBytes: cpuMilli * 2, timestamp }]]);
const disk = (availableBytes: number, fetchedAt: number) =>
  new Map([['n1', { summary: nodeSummary('n1', { fs: { capacityBytes: 200, availableBytes, usedBytes: null } }), fetchedAt }]]);

describe('recordHistory', () => {
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
    const h = histories();
    for (const [i, [value, ts]] of polls.entries()) recordHistory(h, input(i + 1, { nodeUsage: nodeUsage(value, ts) }));
    expect(h.nodeUsage.read('uid-n1', 0)).toEqual(cpu);
    expect(h.nodeUsage.read('uid-n1', 1)).toEqual(cpu.map((v) => v * 2));
  });

  it('disk %: one sample per kubelet read, from 1 − available/capacity', () => {
    const h = histories();
    recordHistory(h, input(1, { summaries: disk(150, 1000) }));
    recordHistory(h, input(2, { summaries: disk(100, 1000) }));
    recordHistory(h, input(3, { summaries: disk(50, 2000) }));
    // 1 − 150/200 = 25%; the second poll brought no new read; 1 − 50/200 = 75%
    expect(h.nodeDisk.read('uid-n1', 0)).toEqual([25, 75]);
  });

  it('pod samples are keyed by UID, and a vanished pod or node loses its history', () => {
    const h = histories();
    const podUsageMap = (ts: number) => new Map([['default/p1', podUsage('default', 'p1', 5, 50, ts)]]);
    recordHistory(h, input(1, { podUsage: podUsageMap(10), nodeUsage: nodeUsage(1, 10) }));
    expect(h.podUsage.read('uid-p1', 0)).toEqual([5]);
    recordHistory(h, input(2, { pods: [], nodes: [], podUsage: podUsageMap(20), nodeUsage: nodeUsage(1, 20) }));
    expect(h.podUsage.size).toBe(0);
    expect(h.nodeUsage.size).toBe(0);
    // same name, new UID: a recreated pod starts fresh
    recordHistory(h, input(3, { pods: [podInfo('p1', { uid: 'uid-p1-new' })], podUsage: podUsageMap(30) }));
    expect(h.podUsage.read('uid-p1', 0)).toEqual([]);
    expect(h.podUsage.read('uid-p1-new', 0)).toEqual([5]);
  });

  it('tags samples with the poll sequence, so a paused frame reads history as it was', () => {
    const h = histories();
    for (let seq = 1; seq <= 4; seq++) recordHistory(h, input(seq, { nodeUsage: nodeUsage(seq * 10, seq) }));
    expect(h.nodeUsage.read('uid-n1', 0, 4, 2)).toEqual([10, 20]);
  });
});

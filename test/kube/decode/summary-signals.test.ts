import { describe, expect, it } from 'vitest';
import { issueText } from '../../../src/kube/decode/decode-list.js';
import { summarySchema } from '../../../src/kube/decode/summary.js';
import { KubeClient } from '../../../src/kube/kube-client.js';
import type { Transport } from '../../../src/kube/transport.js';
import { describeWithFixtures, FIXTURE, fixture, fixtureText } from '../../helpers/fixtures.js';
import { TEST_TARGET } from '../../helpers/kube-target.js';

// What the kubelet's summary says beyond CPU, memory and bytes of disk: pressure (PSI, from 1.34),
// the PID limit, network counters, inodes and each pod's ephemeral storage.

function decode(raw: unknown) {
  const result = summarySchema.safeParse(raw);
  if (!result.success) throw new Error(issueText(result.error));
  return result.data;
}

const target = TEST_TARGET;

function clientAnswering(body: string) {
  return new KubeClient(target, { get: async () => Buffer.from(body) } as unknown as Transport, { requestMs: 1000, kubeletMs: 1000 });
}

describeWithFixtures('kubelet signals in the real summaries', () => {
  it('v1.35: node pressure (some and full, avg10/60/300) as the kubelet reports it', () => {
    const s = decode(fixture(FIXTURE.summary135));
    expect(s.pressure?.cpu).toEqual({
      some: { avg10: 75.83, avg60: 38.43, avg300: 10.46 },
      full: { avg10: 72.63, avg60: 36.72, avg300: 10 },
    });
    expect(s.pressure?.memory?.some).toEqual({ avg10: 0, avg60: 0, avg300: 0 });
    expect(s.pressure?.io?.full).toEqual({ avg10: 0, avg60: 0, avg300: 0 });
  });

  it('v1.35: pod pressure, the compute-bound pods stalled on CPU', () => {
    const s = decode(fixture(FIXTURE.summary135));
    const cpuSome = (name: string) => s.podStats?.get('scraper', name)?.pressure?.cpu?.some.avg10;
    expect(cpuSome('e2e-statefulset-0')).toBe(81.4);
    expect(cpuSome('e2e-deployment-79967c5968-8bnn8')).toBe(69.74);
    expect(s.podStats?.get('kube-system', 'etcd-datagen-1-35')?.pressure?.io?.some.avg10).toBe(0.1);
    // an idle pod reports 0: a real zero, not "not reported"
    expect(s.podStats?.get('scraper', 'e2e-hpa-6cd8d99884-tggnr')?.pressure?.cpu?.some.avg10).toBe(0);
  });

  it('v1.31 reports no pressure anywhere: null, never 0', () => {
    const s = decode(fixture(FIXTURE.summary131));
    expect(s.pressure).toBeNull();
    expect(s.podStats?.size).toBe(17);
    for (const pod of s.podStats?.values() ?? []) expect(pod.pressure).toBeNull();
  });

  it.each([
    [FIXTURE.summary135, { max: 62_639, used: 814 }],
    [FIXTURE.summary131, { max: 125_722, used: 1414 }],
  ])('%s: PIDs from rlimit', (name, processes) => {
    expect(decode(fixture(name)).processes).toEqual(processes);
  });

  it('v1.35: inodes of the node and image filesystems', () => {
    const s = decode(fixture(FIXTURE.summary135));
    expect(s.fs).toMatchObject({ inodes: 60_710_912, inodesFree: 59_206_606 });
    expect(s.imageFs).toMatchObject({ inodes: 60_710_912, inodesFree: 59_206_606 });
  });

  it('v1.35: each pod ephemeral storage and network counters', () => {
    const s = decode(fixture(FIXTURE.summary135));
    expect(s.podStats?.size).toBe(17);
    expect(s.podStats?.get('scraper', 'e2e-scraper-5f97dc94d8-vkcjl')?.ephemeral).toEqual({
      usedBytes: 13_295_616,
      time: Date.parse('2026-06-26T10:14:40Z'),
    });
    expect(s.podStats?.get('kube-system', 'coredns-7d764666f9-qdcxt')?.network).toMatchObject({ rxBytes: 49_637, rxErrors: 0 });
  });

  it('v1.35: the node counters a /metrics/resource read can take a rate against', () => {
    const s = decode(fixture(FIXTURE.summary135));
    expect(s.counters?.node).toEqual({ cpuSeconds: 62.148052, memoryBytes: 917_110_784, time: Date.parse('2026-06-26T10:14:35Z') });
    expect(s.counters?.pods).toHaveLength(17);
  });

  describe.each([FIXTURE.summary135, FIXTURE.summary131])('%s read for its node alone', (name) => {
    const text = fixtureText(name);
    const full = decode(JSON.parse(text));

    it('keeps every pod ephemeral storage as the full parse has it, and nothing else of the pods', async () => {
      const slim = await clientAnswering(text).nodeSummary('n', { pods: false });
      expect(slim.pods).toEqual([]);
      expect(slim.podStats?.size).toBe(full.podStats?.size);
      for (const pod of full.podStats?.values() ?? []) {
        const kept = slim.podStats?.get(pod.namespace, pod.name);
        // measured when the node's filesystem was: one time for all, not one object each
        expect(kept?.ephemeral).toEqual({ usedBytes: pod.ephemeral?.usedBytes, time: full.fs?.time });
        expect(kept?.network).toBeNull();
        expect(kept?.pressure).toBeNull();
      }
      expect(slim.pressure).toEqual(full.pressure);
      expect(slim.processes).toEqual(full.processes);
    });

    it('detail reads the pods whole', async () => {
      const detailed = await clientAnswering(text).nodeSummary('n', { pods: false, detail: true });
      expect([...(detailed.podStats?.values() ?? [])]).toEqual([...(full.podStats?.values() ?? [])]);
    });

    it('keeps only the pods asked for', async () => {
      const slim = await clientAnswering(text).nodeSummary('n', { pods: false, podDisk: (ns) => ns === 'scraper' });
      const scraper = [...(full.podStats?.values() ?? [])].filter((p) => p.namespace === 'scraper');
      expect(slim.podStats?.size).toBe(scraper.length);
      expect(scraper.length).toBeGreaterThan(0);
    });

    it('compact JSON is read alike', async () => {
      const slim = await clientAnswering(JSON.stringify(JSON.parse(text))).nodeSummary('n', { pods: false });
      const used = (stats: typeof slim.podStats) => [...(stats?.values() ?? [])].map((p) => p.ephemeral?.usedBytes);
      expect(used(slim.podStats)).toEqual(used(full.podStats));
    });
  });
});

describe('pressure and limits degrade instead of failing', () => {
  const T = '2026-06-26T10:14:35Z';
  const stall = (avg10: unknown) => ({ some: { total: 1, avg10, avg60: 0, avg300: 0 }, full: { total: 1, avg10: 0, avg60: 0, avg300: 0 } });
  const summary = (cpuPsi: unknown, rlimit: unknown = undefined) =>
    decode({
      node: { nodeName: 'n', cpu: { time: T, usageNanoCores: 1, psi: cpuPsi }, memory: { time: T, workingSetBytes: 1 }, rlimit },
      pods: [],
    });

  it.each<[string, unknown, boolean]>([
    ['a percentage', stall(12.5), true],
    ['above 100', stall(180), false],
    ['negative', stall(-1), false],
    ['a string', stall('12'), false],
    ['no some', { full: stall(1).full }, false],
  ])('cpu psi %s', (_, block, read) => {
    const s = summary(block);
    expect(s.usage?.cpuMilli).toBe(1);
    if (read) expect(s.pressure?.cpu?.some.avg10).toBe(12.5);
    else expect(s.pressure).toBeNull();
  });

  it('a stall without full keeps some', () => {
    expect(summary({ some: stall(3).some }).pressure?.cpu).toEqual({ some: { avg10: 3, avg60: 0, avg300: 0 }, full: null });
  });

  it.each<[string, unknown]>([
    ['absent', undefined],
    ['zero max', { maxpid: 0, curproc: 10 }],
    ['no curproc', { maxpid: 100 }],
    ['beyond 2^53', { maxpid: 18446743709127774000, curproc: 1 }],
  ])('rlimit %s: PIDs unknown', (_, rlimit) => {
    expect(summary(undefined, rlimit).processes).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { issueText } from '../../../src/kube/decode/decode-list.js';
import { summarySchema } from '../../../src/kube/decode/summary.js';
import { KubeClient } from '../../../src/kube/kube-client.js';
import { KubeError } from '../../../src/kube/kube-error.js';
import type { Transport } from '../../../src/kube/transport.js';
import { diskFigure } from '../../../src/model/disk.js';
import { describeWithFixtures, FIXTURE, fixture } from '../../helpers/fixtures.js';
import { TEST_TARGET } from '../../helpers/kube-target.js';

// The raw wire shape, only as far as these tests read it.
interface RawStat {
  time: string;
  usageNanoCores?: number;
  workingSetBytes?: number;
}
interface RawFs {
  time: string;
  capacityBytes: number;
  availableBytes: number;
  usedBytes: number;
  inodes: number;
  inodesFree: number;
}
interface RawContainer {
  name: string;
  cpu: RawStat;
  memory: RawStat;
}
interface RawPod {
  podRef: { name: string; namespace: string; uid: string };
  containers: RawContainer[];
  'ephemeral-storage'?: { usedBytes: number };
}
interface RawSummary {
  node: {
    nodeName: string;
    cpu: RawStat;
    memory: RawStat;
    fs: RawFs;
    runtime: { imageFs: RawFs };
    network: { time: string; rxBytes: number; txBytes: number; rxErrors: number; txErrors: number };
  };
  pods: RawPod[];
}

const ceilMilli = (nano: number) => Math.ceil(nano / 1e6);

function decode(raw: unknown) {
  const result = summarySchema.safeParse(raw);
  if (!result.success) throw new Error(issueText(result.error));
  return result.data;
}

describeWithFixtures('summarySchema on the real Summary fixtures', () => {
  describe.each([FIXTURE.summary135, FIXTURE.summary131])('%s', (name) => {
    const raw = fixture<RawSummary>(name);
    const summary = decode(raw);

    it('node CPU is ceil(usageNanoCores / 1e6) millicores and memory the working set', () => {
      expect(summary.nodeName).toBe(raw.node.nodeName);
      expect(summary.usage).toEqual({
        name: raw.node.nodeName,
        cpuMilli: ceilMilli(raw.node.cpu.usageNanoCores ?? Number.NaN),
        memoryBytes: raw.node.memory.workingSetBytes,
        timestamp: Math.max(Date.parse(raw.node.cpu.time), Date.parse(raw.node.memory.time)),
      });
    });

    it('node fs, image fs (with inodes and the time measured) and network are the kubelet figures', () => {
      const pick = ({ capacityBytes, availableBytes, usedBytes, inodes, inodesFree, time }: RawFs) => ({
        capacityBytes,
        availableBytes,
        usedBytes,
        inodes,
        inodesFree,
        time: Date.parse(time),
      });
      expect(summary.fs).toEqual(pick(raw.node.fs));
      expect(summary.imageFs).toEqual(pick(raw.node.runtime.imageFs));
      const { time, rxBytes, txBytes, rxErrors, txErrors } = raw.node.network;
      expect(summary.network).toEqual({ rxBytes, txBytes, rxErrors, txErrors, time: Date.parse(time) });
    });

    it('every pod has usage summed from its containers', () => {
      expect(raw.pods).toHaveLength(17);
      expect(summary.pods).toHaveLength(raw.pods.length);
      for (const p of raw.pods) {
        const usage = summary.pods.find((u) => u.name === p.podRef.name && u.namespace === p.podRef.namespace);
        const nano = p.containers.reduce((sum, c) => sum + (c.cpu.usageNanoCores ?? 0), 0);
        const memory = p.containers.reduce((sum, c) => sum + (c.memory.workingSetBytes ?? 0), 0);
        expect(usage?.cpuMilli).toBe(ceilMilli(nano));
        expect(usage?.memoryBytes).toBe(memory);
        expect(usage?.containers.map((c) => c.name)).toEqual(p.containers.map((c) => c.name));
      }
    });
  });

  it('v1.35 node figures, spelled out from the fixture', () => {
    const summary = decode(fixture(FIXTURE.summary135));
    // usageNanoCores 573081903 → 574m; workingSetBytes 917110784
    expect(summary.usage?.cpuMilli).toBe(574);
    expect(summary.usage?.memoryBytes).toBe(917_110_784);
    expect(diskFigure(summary.fs)?.percent).toBeCloseTo(16.02, 2);
    // the php-apache pod was idle: 0 nanocores is a real zero, not unknown
    expect(summary.pods.find((p) => p.name.startsWith('e2e-hpa-'))?.cpuMilli).toBe(0);
  });

  it('sums a multi-container pod before rounding: two containers at 1.5m are 3m', () => {
    const raw = fixture<RawSummary>(FIXTURE.summary135);
    const pod = raw.pods[0] as RawPod;
    const first = pod.containers[0] as RawContainer;
    const at = (nano: number, bytes: number, name: string): RawContainer => ({
      name,
      cpu: { ...first.cpu, usageNanoCores: nano },
      memory: { ...first.memory, workingSetBytes: bytes },
    });
    pod.containers = [at(1_500_000, 1000, 'a'), at(1_500_000, 2000, 'b')];
    const usage = decode(raw).pods.find((p) => p.name === pod.podRef.name);
    expect(usage?.cpuMilli).toBe(3);
    expect(usage?.memoryBytes).toBe(3000);
    // each container on its own rounds up, as kubectl's per-container MilliValue does
    expect(usage?.containers).toEqual([
      { name: 'a', cpuMilli: 2, memoryBytes: 1000 },
      { name: 'b', cpuMilli: 2, memoryBytes: 2000 },
    ]);
  });
});

// A minimal summary, then one field at a time made missing, null or absurd.
const T = '2026-06-26T10:14:35Z';
function minimal(): Record<string, unknown> {
  return {
    node: {
      nodeName: 'n1',
      cpu: { time: T, usageNanoCores: 2_000_000 },
      memory: { time: T, workingSetBytes: 4096 },
      fs: { capacityBytes: 1000, availableBytes: 100, usedBytes: 50 },
      runtime: { imageFs: { capacityBytes: 2000, availableBytes: 1000, usedBytes: 900 } },
      network: { rxBytes: 1, txBytes: 2 },
    },
    pods: [
      {
        podRef: { name: 'p1', namespace: 'ns', uid: 'u1' },
        containers: [{ name: 'c', cpu: { time: T, usageNanoCores: 1_000_000 }, memory: { time: T, workingSetBytes: 10 } }],
        'ephemeral-storage': { usedBytes: 77 },
      },
    ],
  };
}

// biome-ignore lint/suspicious/noExplicitAny: the edits below break the wire shape on purpose.
type Wire = any;

function edited(edit: (raw: Wire) => void) {
  const raw = minimal();
  edit(raw);
  return decode(raw);
}

// 2^64 − 364,514,777,616: the swapUsageBytes underflow KEP-2400 shows, beyond 2^53 after JSON.parse.
const UNDERFLOW = 18446743709127774000;

describe('summarySchema degrades instead of failing', () => {
  it('decodes the minimal summary', () => {
    const s = decode(minimal());
    expect(s.usage).toEqual({ name: 'n1', cpuMilli: 2, memoryBytes: 4096, timestamp: Date.parse(T) });
    expect(s.fs).toEqual({ capacityBytes: 1000, availableBytes: 100, usedBytes: 50 });
    expect(s.pods).toHaveLength(1);
  });

  it.each<[string, (raw: Wire) => void, (s: ReturnType<typeof decode>) => void]>([
    ['node fs missing', (r) => delete r.node.fs, (s) => expect(s.fs).toBeNull()],
    ['node fs null', (r) => (r.node.fs = null), (s) => expect(s.fs).toBeNull()],
    ['fs capacity beyond 2^53', (r) => (r.node.fs.capacityBytes = UNDERFLOW), (s) => expect(s.fs).toBeNull()],
    [
      'fs available beyond 2^53 falls back to usedBytes',
      (r) => (r.node.fs.availableBytes = UNDERFLOW),
      (s) => expect(diskFigure(s.fs)).toEqual({ usedBytes: 50, capacityBytes: 1000, percent: 5 }),
    ],
    ['fs capacity a string', (r) => (r.node.fs.capacityBytes = '1000'), (s) => expect(s.fs).toBeNull()],
    ['negative fs figure', (r) => (r.node.fs.availableBytes = -1), (s) => expect(s.fs?.availableBytes).toBeNull()],
    ['runtime missing', (r) => delete r.node.runtime, (s) => expect(s.imageFs).toBeNull()],
    ['node cpu missing', (r) => delete r.node.cpu, (s) => expect(s.usage).toBeNull()],
    ['node working set missing', (r) => delete r.node.memory.workingSetBytes, (s) => expect(s.usage).toBeNull()],
    ['network rx beyond 2^53', (r) => (r.node.network.rxBytes = UNDERFLOW), (s) => expect(s.network).toBeNull()],
    ['a pod with no containers has no usage', (r) => (r.pods[0].containers = []), (s) => expect(s.pods).toEqual([])],
    ['a pod with containers null', (r) => (r.pods[0].containers = null), (s) => expect(s.pods).toEqual([])],
    ['a container without cpu', (r) => delete r.pods[0].containers[0].cpu, (s) => expect(s.pods).toEqual([])],
    [
      'a container working set beyond 2^53',
      (r) => (r.pods[0].containers[0].memory.workingSetBytes = UNDERFLOW),
      (s) => expect(s.pods).toEqual([]),
    ],
    [
      'a pod that is not an object is left out, the others kept',
      (r) => r.pods.unshift('garbage', { podRef: 'x' }),
      (s) => {
        expect(s.pods.map((p) => p.name)).toEqual(['p1']);
      },
    ],
    [
      'pods missing',
      (r) => delete r.pods,
      (s) => {
        expect(s.pods).toEqual([]);
        expect(s.usage?.cpuMilli).toBe(2);
      },
    ],
    ['pods null', (r) => (r.pods = null), (s) => expect(s.pods).toEqual([])],
    ['unreadable time', (r) => (r.node.cpu.time = 'yesterday'), (s) => expect(s.usage?.timestamp).toBe(Date.parse(T))],
  ])('%s', (_, edit, check) => {
    check(edited(edit));
  });

  it('control characters in names arrive sanitized', () => {
    const s = edited((r) => {
      r.node.nodeName = 'n1\x1b]0;owned\x07';
      r.pods[0].podRef.name = 'p\x1b[2J1';
    });
    expect(s.nodeName).toBe('n1');
    expect(s.pods[0]?.name).toBe('p1');
  });
});

describe('a body that is not a summary', () => {
  it.each<[string, unknown, RegExp]>([
    ['a Status object', { kind: 'Status', apiVersion: 'v1', status: 'Failure', code: 500 }, /^node: .*expected object/],
    ['an array', [], /expected object/],
    ['node without a name', { node: {}, pods: [] }, /^node\.nodeName: /],
  ])('%s fails with the path of the problem', (_, raw, message) => {
    const result = summarySchema.safeParse(raw);
    expect(result.success).toBe(false);
    if (!result.success) expect(issueText(result.error)).toMatch(message);
  });

  const target = TEST_TARGET;
  const clientAnswering = (body: string) =>
    new KubeClient(target, { get: async () => Buffer.from(body) } as unknown as Transport, { requestMs: 1000, kubeletMs: 1000 });

  it.each([
    ['{"kind":"Status"}', 'summary node: Invalid input: expected object, received undefined'],
    ['Internal Error: something broke', 'summary is not valid JSON'],
  ])('KubeClient.nodeSummary(%j) throws a malformed KubeError', async (body, message) => {
    const error = await clientAnswering(body)
      .nodeSummary('node-1')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KubeError);
    expect(error).toMatchObject({ kind: 'malformed', message });
  });
});

import { describe, expect, it } from 'vitest';
import { ListCollector, schemaDecoder } from '../../../src/kube/decode/decode-list.js';
import { nodeSchema } from '../../../src/kube/decode/node.js';
import type { NodeInfo } from '../../../src/model/records.js';
import { describeWithFixtures, FIXTURE, fixtureItems } from '../../helpers/fixtures.js';

function decode(raw: unknown): NodeInfo {
  return nodeSchema.parse(raw);
}

describeWithFixtures('nodeSchema on the real node list', () => {
  const items = fixtureItems(FIXTURE.nodes);
  const node = decode(items[0]);

  it('decodes every item', () => {
    const collector = new ListCollector(schemaDecoder(nodeSchema));
    for (const item of items) collector.add(item);
    expect(collector.result()).toMatchObject({ skipped: 0, firstProblem: null });
    expect(collector.items).toHaveLength(items.length);
  });

  it('reads identity, creation time, labels and kubelet version', () => {
    expect(node.name).toBe('datagen-1-35');
    expect(node.uid).toBe('21df3009-f9ff-40ad-a737-1d905c4f7c76');
    expect(node.createdAt).toBe(Date.parse('2026-06-26T10:12:11Z'));
    expect(node.labels['node-role.kubernetes.io/control-plane']).toBe('');
    expect(node.kubeletVersion).toBe('v1.35.0');
    expect(node.unschedulable).toBe(false);
  });

  it('reads the InternalIP, by which Prometheus names a kubelet target (instance="192.168.67.2:10250")', () => {
    expect(node.internalIP).toBe('192.168.67.2');
  });

  it('allocatable and capacity: cpu "14" is 14000m, memory 8024304Ki, ephemeral-storage 954976684Ki, pods 110', () => {
    const expected = { cpuMilli: 14_000, memoryBytes: 8_024_304 * 1024, pods: 110, ephemeralBytes: 954_976_684 * 1024 };
    expect(node.allocatable).toEqual(expected);
    expect(node.capacity).toEqual(expected);
  });

  it('keeps the four conditions with their status, reason, message and last transition', () => {
    expect(node.conditions.map((c) => [c.type, c.status])).toEqual([
      ['MemoryPressure', 'False'],
      ['DiskPressure', 'False'],
      ['PIDPressure', 'False'],
      ['Ready', 'True'],
    ]);
    expect(node.conditions[3]).toEqual({
      type: 'Ready',
      status: 'True',
      reason: 'KubeletReady',
      message: 'kubelet is posting ready status',
      since: Date.parse('2026-06-26T10:12:39Z'),
    });
  });
});

const base = () => ({
  metadata: { name: 'n1', uid: 'u1', creationTimestamp: '2026-01-01T00:00:00Z', labels: { a: 'b' } as Record<string, string> },
  spec: { unschedulable: true },
  status: {
    capacity: { cpu: '4', memory: '16Gi', pods: '110', 'ephemeral-storage': '100Gi' },
    allocatable: { cpu: '3500m', memory: '15Gi', pods: '100' },
    conditions: [{ type: 'Ready', status: 'True' }],
  },
});

describe('nodeSchema', () => {
  it('reads allocatable separately from capacity', () => {
    const n = decode(base());
    expect(n.allocatable).toEqual({ cpuMilli: 3500, memoryBytes: 15 * 1024 ** 3, pods: 100, ephemeralBytes: null });
    expect(n.capacity).toEqual({ cpuMilli: 4000, memoryBytes: 16 * 1024 ** 3, pods: 110, ephemeralBytes: 100 * 1024 ** 3 });
    expect(n.unschedulable).toBe(true);
  });

  it('measures a node without allocatable against its capacity', () => {
    const raw = base();
    const { allocatable: _, ...status } = raw.status;
    expect(decode({ ...raw, status }).allocatable.cpuMilli).toBe(4000);
  });

  it.each([
    ['an unknown condition status becomes Unknown', { type: 'Ready', status: 'Maybe' }, 'Unknown'],
    ['a missing reason and message become empty', { type: 'Ready', status: 'False' }, 'False'],
  ])('%s', (_, cond, status) => {
    const raw = base();
    raw.status.conditions = [cond];
    expect(decode(raw).conditions).toEqual([{ type: 'Ready', status, reason: '', message: '' }]);
  });

  it('a node with no status still decodes, with zero resources', () => {
    const n = decode({ metadata: { name: 'n', uid: 'u' } });
    expect(n.conditions).toEqual([]);
    expect(n.allocatable).toEqual({ cpuMilli: 0, memoryBytes: 0, pods: 0, ephemeralBytes: null });
    expect(Number.isNaN(n.createdAt)).toBe(true);
  });

  it('sanitizes names, labels and condition messages that carry terminal escapes', () => {
    const raw = base();
    raw.metadata.name = 'n1\x1b]2;pwned\x07';
    raw.metadata.labels = { 'evil\x1b[31m': 'red\x1b[0m\nline' };
    raw.status.conditions = [{ type: 'Ready', status: 'False', reason: 'R\x00', message: 'disk\tfull\x1b[2J' } as never];
    const n = decode(raw);
    expect(n.name).toBe('n1');
    expect(n.labels).toEqual({ evil: 'red line' });
    expect(n.conditions[0]).toMatchObject({ reason: 'R?', message: 'disk full' });
  });

  it('one node with an invalid quantity is skipped and named, the rest of the list kept', () => {
    const bad = base();
    bad.status.allocatable.cpu = 'lots';
    const collector = new ListCollector(schemaDecoder(nodeSchema));
    for (const item of [base(), bad, base()]) collector.add(item);
    const result = collector.result();
    expect(result.items).toHaveLength(2);
    expect(result.skipped).toBe(1);
    expect(result.firstProblem).toBe('status.allocatable.cpu: not a Kubernetes quantity');
  });
});

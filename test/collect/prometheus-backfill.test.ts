import { describe, expect, it } from 'vitest';
import { type BackfillTarget, PrometheusBackfill, type PromReader } from '../../src/collect/prometheus-backfill.js';
import { KubeError } from '../../src/kube/kube-error.js';
import type { RangeQuery } from '../../src/kube/prometheus/prom-client.js';
import type { PromSeries } from '../../src/kube/prometheus/prom-response.js';
import { HistoryStore } from '../../src/model/history.js';
import type { Problem } from '../../src/model/problems.js';
import type { Histories, Snapshot } from '../../src/model/snapshot.js';
import { GiB, nodeInfo, nodeSummary, podInfo, snapshot } from '../helpers/records.js';

// The backfill against a Prometheus that answers from a table: which series it asks for, how they
// are matched to nodes and pods, where they go in the histories, and what it says when they are
// missing or Prometheus fails.

const NOW = Date.parse('2026-06-26T10:00:00Z');
const STEP = 15_000;
const nodeA = nodeInfo('node-a', { internalIP: '10.0.0.1' });
const nodeB = nodeInfo('node-b', { internalIP: '10.0.0.2' });
const web = podInfo('web-1', { namespace: 'shop', createdAt: NOW - 10 * 60_000 });

/** Samples every 15 s over the last `minutes`, valued by `f(minutesAgo)`. */
function series(labels: Record<string, string>, minutes: number, f: (ago: number) => number): PromSeries {
  const times: number[] = [];
  for (let t = NOW - minutes * 60_000; t <= NOW; t += STEP) times.push(t);
  return { labels, times, values: times.map((t) => f((NOW - t) / 60_000)) };
}

type Answers = Readonly<Record<string, readonly PromSeries[] | Error>>;

/** Answers a range query with the entry whose key the query contains; instant queries say one node's samples are 15 s apart. */
function reader(answers: Answers): PromReader & { asked: RangeQuery[] } {
  const asked: RangeQuery[] = [];
  const answer = (query: string) => {
    const key = Object.keys(answers).find((k) => query.includes(k));
    const found = key ? answers[key] : [];
    if (found instanceof Error) throw found;
    return [...(found ?? [])];
  };
  return {
    where: 'http://prometheus:9090',
    asked,
    // At the query's step, as Prometheus evaluates it.
    queryRange: async (q) => {
      asked.push(q);
      return answer(q.query).map((s) => {
        const keep = s.times.flatMap((t, i) => (t >= q.start && t <= q.end && (t - q.start) % q.stepMs === 0 ? [i] : []));
        return { labels: s.labels, times: keep.map((i) => s.times[i] as number), values: keep.map((i) => s.values[i] as number) };
      });
    },
    query: async (query) => {
      if (query.endsWith('[10m]')) return [series({}, 2, () => 1)];
      return query.includes('container_memory')
        ? []
        : [{ labels: { __name__: 'node_memory_working_set_bytes', node: 'node-a' }, times: [NOW], values: [1] }];
    },
  };
}

function target(shot: Snapshot): BackfillTarget & { problems: Pick<Problem, 'kind' | 'message'>[][]; histories(): Histories } {
  const problems: Pick<Problem, 'kind' | 'message'>[][] = [];
  return {
    problems,
    histories: () => shot.history,
    subscribe: (listener) => {
      listener(shot);
      return () => {};
    },
    historyChanged: (p) => problems.push([...p]),
  };
}

function world(over: Partial<Snapshot> = {}): Snapshot {
  const capacity = 100 * GiB;
  const fs = { capacityBytes: capacity, availableBytes: capacity * 0.3, usedBytes: capacity * 0.65 };
  return snapshot({
    seq: 7,
    takenAt: NOW,
    nodes: [nodeA, nodeB],
    pods: [web],
    summaries: new Map([[nodeA.name, { summary: nodeSummary(nodeA.name, { fs }), fetchedAt: NOW }]]),
    history: {
      nodeUsage: new HistoryStore({ seriesCount: 2, depth: 240 }),
      nodeDisk: new HistoryStore({ seriesCount: 3, depth: 240 }),
      podUsage: new HistoryStore({ seriesCount: 2, depth: 40 }),
    },
    ...over,
  });
}

async function backfilled(shot: Snapshot, answers: Answers, windowMs = 60 * 60_000) {
  const prom = reader(answers);
  const t = target(shot);
  const backfill = new PrometheusBackfill(t, { reader: prom, windowMs, now: () => NOW });
  backfill.start();
  await backfill.idle();
  return { prom, t, backfill };
}

describe('Prometheus backfill', () => {
  it('fills node CPU and memory from the kubelet’s series, matched by node label or by InternalIP', async () => {
    const shot = world();
    await backfilled(shot, {
      node_cpu_usage_seconds_total: [series({ node: 'node-a' }, 30, (ago) => 1000 + ago)],
      node_memory_working_set_bytes: [series({ instance: '10.0.0.2:10250' }, 30, (ago) => ago * GiB)],
    });
    const { nodeUsage } = shot.history;
    expect(nodeUsage.read(nodeA.uid, 0)).toHaveLength(121);
    expect(nodeUsage.read(nodeA.uid, 0).slice(0, 2)).toEqual([1030, 1029.75]);
    expect(nodeUsage.readTimes(nodeA.uid).slice(0, 2)).toEqual([NOW - 30 * 60_000, NOW - 30 * 60_000 + STEP]);
    expect(nodeUsage.read(nodeB.uid, 1).at(0)).toBe(30 * GiB);
  });

  it('asks an hour at the scrape step, and a rate over four scrapes', async () => {
    const { prom } = await backfilled(world(), {});
    const cpu = prom.asked.find((q) => q.query.includes('node_cpu_usage_seconds_total'));
    expect(cpu).toMatchObject({ start: NOW - 60 * 60_000, end: NOW, stepMs: STEP });
    expect(cpu?.query).toContain('irate(node_cpu_usage_seconds_total[60s])');
    // 40 pod samples cover an hour at 90 s.
    expect(prom.asked.find((q) => q.query.includes('container_memory_working_set_bytes{container'))?.stepMs).toBe(90_000);
  });

  it('falls back to cAdvisor’s series, adding the root-reserved share its used bytes leave out', async () => {
    const shot = world();
    await backfilled(shot, {
      node_filesystem_avail_bytes: [],
      container_fs_usage_bytes: [series({ node: 'node-a', device: '/dev/sda1' }, 5, () => 60)],
    });
    // The summary: 70% gone by the kubelet's count, 65% used: 5 points reserved.
    expect(shot.history.nodeDisk.read(nodeA.uid, 0).at(0)).toBeCloseTo(65, 9);
  });

  it('goes under the live samples, and says which series Prometheus lacks', async () => {
    const shot = world();
    shot.history.nodeUsage.record(nodeA.uid, NOW - 60_000, 6, [500, GiB]);
    const { t } = await backfilled(shot, { node_cpu_usage_seconds_total: [series({ node: 'node-a' }, 10, () => 900)] });
    const cpu = shot.history.nodeUsage.read(nodeA.uid, 0);
    expect(cpu.at(-1)).toBe(500);
    expect(cpu.slice(0, -1).every((v) => v === 900)).toBe(true);
    expect(shot.history.nodeUsage.readTimes(nodeA.uid).at(-2)).toBe(NOW - 75_000);
    const said = t.problems.at(-1)?.map((p) => p.message) ?? [];
    expect(said).toHaveLength(1);
    expect(said[0]).toMatch(
      /^Prometheus has no node memory \(node_memory_working_set_bytes or container_memory_working_set_bytes\{id="\/"\}\); no node disk .*: those charts start with the live samples$/,
    );
    expect(said[0]).toContain('no node inodes');
  });

  it('takes a node the preferred series leave out from the next candidate', async () => {
    const shot = world();
    await backfilled(shot, {
      node_cpu_usage_seconds_total: [series({ node: 'node-a' }, 5, () => 100)],
      'container_cpu_usage_seconds_total{id="/"}': [series({ node: 'node-a' }, 5, () => 1), series({ node: 'node-b' }, 5, () => 200)],
    });
    expect(shot.history.nodeUsage.read(nodeA.uid, 0).every((v) => v === 100)).toBe(true);
    expect(shot.history.nodeUsage.read(nodeB.uid, 0).every((v) => v === 200)).toBe(true);
  });

  it('names series that match no node', async () => {
    const { t } = await backfilled(world(), { node_cpu_usage_seconds_total: [series({ instance: '192.168.9.9:10250' }, 5, () => 1)] });
    expect(t.problems.at(-1)?.[0]?.message).toContain("no node CPU of these nodes (its series' node label or instance IP match none)");
  });

  it('fills pods by namespace and name, from the pod’s creation on, within the namespace shown', async () => {
    const shot = world({ scope: { context: 'c', cluster: 'c', server: 's', namespace: 'shop' } });
    const { prom } = await backfilled(shot, {
      'container_cpu_usage_seconds_total{container': [series({ namespace: 'shop', pod: 'web-1' }, 60, (ago) => ago)],
    });
    expect(prom.asked.find((q) => q.query.includes('container_cpu_usage_seconds_total{container'))?.query).toContain(',namespace="shop"}');
    const cpu = shot.history.podUsage.read(web.uid, 0);
    // 90 s apart, from its creation ten minutes ago.
    expect(cpu[0]).toBeLessThanOrEqual(10);
    expect(cpu.length).toBeGreaterThanOrEqual(6);
    expect(cpu.length).toBeLessThanOrEqual(7);
  });

  it('on a big cluster, fetches a pod’s past as its detail opens', async () => {
    const shot = world();
    const prom = reader({ 'container_memory_working_set_bytes{container': [series({ namespace: 'shop', pod: 'web-1' }, 10, () => GiB)] });
    const backfill = new PrometheusBackfill(target(shot), { reader: prom, maxStartPods: 0, now: () => NOW });
    backfill.start();
    await backfill.idle();
    expect(shot.history.podUsage.read(web.uid, 1)).toEqual([]);
    backfill.detail('pods', web.uid);
    await backfill.idle();
    expect(prom.asked.at(-1)?.query).toContain(',namespace="shop",pod="web-1"}');
    expect(shot.history.podUsage.read(web.uid, 1).length).toBeGreaterThan(0);
  });

  it('a failing Prometheus is said in one line, asked again when a detail opens, and cleared once it answers', async () => {
    const shot = world();
    const answers: Record<string, readonly PromSeries[] | Error> = {
      node_cpu_usage_seconds_total: new KubeError('unreachable', 'cannot reach http://prometheus:9090: connection refused'),
    };
    const prom = reader(answers);
    const t = target(shot);
    const backfill = new PrometheusBackfill(t, { reader: prom, now: () => NOW });
    backfill.start();
    await backfill.idle();
    expect(t.problems.at(-1)?.[0]).toEqual({
      kind: 'unreachable',
      message: 'Prometheus cannot reach http://prometheus:9090: connection refused; charts start with the live samples',
    });
    answers.node_cpu_usage_seconds_total = [series({ node: 'node-a' }, 5, () => 1)];
    backfill.detail('nodes', nodeA.uid);
    await backfill.idle();
    expect(t.problems.at(-1)?.some((p) => p.kind === 'unreachable')).toBe(false);
    expect(shot.history.nodeUsage.read(nodeA.uid, 0).length).toBeGreaterThan(0);
  });
});

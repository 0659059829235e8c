import { load as parse } from 'js-yaml';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type Sim, startSim } from '../../src/sim/start-sim.js';
import { describeWithFixtures, fixtureText } from '../helpers/fixtures.js';
import { get, getJson, manualClock } from './sim-http.js';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Key paths present in `ours` but in none of the fixture's objects at the same place. */
function unknownKeys(ours: Json, theirs: readonly Json[], path = ''): string[] {
  if (Array.isArray(ours)) {
    const items = theirs.flatMap((t) => (Array.isArray(t) ? t : []));
    return ours.flatMap((o) => unknownKeys(o, items, `${path}[]`));
  }
  if (ours === null || typeof ours !== 'object') return [];
  const objects = theirs.filter((t): t is { [key: string]: Json } => t !== null && typeof t === 'object' && !Array.isArray(t));
  return Object.entries(ours).flatMap(([key, value]) => {
    const same = objects.filter((t) => key in t).map((t) => t[key] as Json);
    // Maps keyed by data (labels, resource names) are not part of the shape.
    if (/^(labels|annotations|capacity|allocatable|limits|requests)$/.test(key)) return [];
    return same.length === 0 ? [`${path}.${key}`] : [...new Set(unknownKeys(value, same, `${path}.${key}`))];
  });
}

describeWithFixtures('payload shapes match the real captures', () => {
  let sim: Sim;
  beforeAll(async () => {
    sim = await startSim({ nodes: 6, podsPerNode: 8, now: manualClock().now });
  });
  afterAll(() => sim.stop());

  it('summary: every field we send appears in the kubelet v1.35 capture', async () => {
    const theirs = JSON.parse(fixtureText('stats-summary.k8s-v1.35.0-minikube.sample.json')) as Json;
    for (const node of sim.cluster.nodeNames) {
      const ours = await getJson<Json>(sim, `/api/v1/nodes/${node}/proxy/stats/summary`);
      expect(unknownKeys(ours, [theirs])).toEqual([]);
    }
  });

  it('summary: the fields kmon reads are all there', async () => {
    const ours = await getJson<{ node: Record<string, unknown>; pods: Record<string, unknown>[] }>(
      sim,
      '/api/v1/nodes/hello-kube-002/proxy/stats/summary',
    );
    expect(Object.keys(ours.node)).toEqual(expect.arrayContaining(['nodeName', 'startTime', 'cpu', 'memory', 'network', 'fs', 'runtime']));
    expect(Object.keys(ours.pods[0] ?? {})).toEqual(
      expect.arrayContaining(['podRef', 'startTime', 'containers', 'cpu', 'memory', 'ephemeral-storage']),
    );
  });

  it('nodes and pods: every field we send appears in the captured objects', async () => {
    const nodes = (parse(fixtureText('nodes-list.k8s-v1.35.0-minikube.sample.yaml')) as { items: Json[] }).items;
    const pods = [
      ...(parse(fixtureText('pods-list.k8s-v1.35.0-minikube.sample.yaml')) as { items: Json[] }).items,
      ...(JSON.parse(fixtureText('kubelet-pods.k8s-v1.35.0-minikube.sample.json')) as { items: Json[] }).items,
    ];
    const ourNodes = await getJson<{ items: Json[] }>(sim, '/api/v1/nodes');
    const ourPods = await getJson<{ items: Json[] }>(sim, '/api/v1/pods');
    // Absent from the capture but standard: providerID and taints (single-node minikube), init
    // containers, whose spec and status have the containers' shape, and a waiting container (none
    // was waiting when it was taken).
    const notInCapture = (k: string) =>
      /^\.spec\.(providerID|taints|initContainers)$|^\.status\.initContainerStatuses$|^\.status\.containerStatuses\[\]\.state\.waiting$/.test(
        k,
      );
    expect(ourNodes.items.flatMap((n) => unknownKeys(n, nodes)).filter((k) => !notInCapture(k))).toEqual([]);
    expect([...new Set(ourPods.items.flatMap((p) => unknownKeys(p, pods)))].filter((k) => !notInCapture(k))).toEqual([]);
  });

  it('cAdvisor: our series carry the HELP text of the capture', async () => {
    const theirs = fixtureText('cadvisor-metrics.k8s-v1.35.0-minikube.sample.txt');
    const ours = (await get(sim, '/api/v1/nodes/hello-kube-002/proxy/metrics/cadvisor')).body;
    const help = ours.split('\n').filter((l) => l.startsWith('# HELP ') || l.startsWith('# TYPE '));
    expect(help.length).toBeGreaterThan(10);
    for (const line of help) expect(theirs).toContain(`${line}\n`);
  });
});

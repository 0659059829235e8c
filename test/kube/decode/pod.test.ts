import { describe, expect, it } from 'vitest';
import { ListCollector, schemaDecoder } from '../../../src/kube/decode/decode-list.js';
import { podSchema } from '../../../src/kube/decode/pod.js';
import { podStatus } from '../../../src/model/pod-status.js';
import type { PodInfo } from '../../../src/model/records.js';
import { describeWithFixtures, FIXTURE, fixtureItems } from '../../helpers/fixtures.js';

const MiB = 1024 ** 2;

function decodeAll(name: string): PodInfo[] {
  const collector = new ListCollector(schemaDecoder(podSchema));
  for (const item of fixtureItems(name)) collector.add(item);
  const result = collector.result();
  expect(result.firstProblem).toBeNull();
  return result.items;
}

describeWithFixtures('podSchema on the real pod lists', () => {
  it.each([
    [FIXTURE.pods, 25],
    [FIXTURE.kubeletPods, 24],
  ])('%s: all %d pods decode', (name, count) => {
    expect(decodeAll(name)).toHaveLength(count);
  });

  const pods = new Map(decodeAll(FIXTURE.pods).map((p) => [p.name, p]));
  const pod = (prefix: string) => [...pods.values()].find((p) => p.name.startsWith(prefix)) as PodInfo;

  // Requests and limits as written in each pod spec of pods-list…yaml, converted by hand.
  it.each<[string, PodInfo['containers'][number]['requests'], PodInfo['containers'][number]['limits']]>([
    ['coredns-', { cpuMilli: 100, memoryBytes: 70 * MiB }, { cpuMilli: null, memoryBytes: 170 * MiB }],
    ['kindnet-', { cpuMilli: 100, memoryBytes: 50 * MiB }, { cpuMilli: 100, memoryBytes: 50 * MiB }],
    ['kube-apiserver-', { cpuMilli: 250, memoryBytes: null }, { cpuMilli: null, memoryBytes: null }],
    ['kube-proxy-', { cpuMilli: null, memoryBytes: null }, { cpuMilli: null, memoryBytes: null }],
    // "5M" is decimal mega: 5,000,000 bytes
    ['e2e-container-creating', { cpuMilli: 5, memoryBytes: 5_000_000 }, { cpuMilli: 5, memoryBytes: 5_000_000 }],
    ['e2e-hpa-', { cpuMilli: 200, memoryBytes: null }, { cpuMilli: 500, memoryBytes: null }],
    ['e2e-statefulset-0', { cpuMilli: 40, memoryBytes: 15 * MiB }, { cpuMilli: 80, memoryBytes: 30 * MiB }],
  ])('%s requests %j limits %j', (prefix, requests, limits) => {
    const [c] = pod(prefix).containers;
    expect(c?.requests).toEqual(requests);
    expect(c?.limits).toEqual(limits);
  });

  it('a container restarted twice and now terminated (Completed) keeps its restarts and last termination', () => {
    const p = pod('e2e-container-creating');
    expect(p.phase).toBe('Running');
    expect(p.containers).toEqual([
      expect.objectContaining({
        name: 'alpine',
        ready: false,
        restarts: 2,
        state: 'terminated',
        stateReason: 'Completed',
        exitCode: 0,
        lastTermination: { reason: 'Completed', exitCode: 0, finishedAt: Date.parse('2026-06-26T10:14:14Z') },
      }),
    ]);
  });

  it('a failed job pod is terminated with its exit code and no last termination', () => {
    const [c] = pod('e2e-failjob-28dqq').containers;
    expect(c).toMatchObject({ state: 'terminated', stateReason: 'Error', exitCode: 42, restarts: 0, lastTermination: null });
  });

  it('an unscheduled pod has no node and containers in unknown state', () => {
    const p = pod('e2e-container-pending');
    expect(p.nodeName).toBeNull();
    expect(p.phase).toBe('Pending');
    expect(p.containers.map((c) => c.state)).toEqual(['unknown']);
  });

  // kubectl get pods STATUS for these pods, read by hand from each pod's phase and container states.
  it.each([
    ['coredns-', 'Running'],
    ['e2e-container-creating', 'Completed'],
    ['e2e-container-pending', 'Pending'],
    ['e2e-cronjob-29707813-', 'Completed'],
    ['e2e-failjob-28dqq', 'Error'],
    ['e2e-daemonset-', 'Running'],
  ])('%s shows STATUS %s', (prefix, status) => {
    expect(podStatus(pod(prefix))).toBe(status);
  });
});

const base = () => ({
  metadata: { name: 'web-1', namespace: 'shop', uid: 'u1', creationTimestamp: '2026-01-01T00:00:00Z', labels: { app: 'web' } },
  spec: {
    nodeName: 'node-a',
    initContainers: [{ name: 'init', resources: { requests: { cpu: '10m' } } }],
    containers: [
      { name: 'app', resources: { requests: { cpu: '250m', memory: '64Mi' }, limits: { cpu: '1', memory: '128Mi' } } },
      { name: 'sidecar' },
    ],
  },
  status: {
    phase: 'Running',
    initContainerStatuses: [{ name: 'init', state: { terminated: { exitCode: 0, reason: 'Completed' } } }],
    containerStatuses: [
      // statuses come in any order; they are matched to the spec by name
      { name: 'sidecar', ready: false, restartCount: 7, state: { waiting: { reason: 'CrashLoopBackOff' } } },
      { name: 'app', ready: true, restartCount: 0, state: { running: { startedAt: '2026-01-01T00:00:05Z' } } },
    ],
  },
});

describe('podSchema', () => {
  it('matches container statuses to specs by name and keeps spec order', () => {
    const p = podSchema.parse(base());
    expect(p.containers.map((c) => [c.name, c.state, c.stateReason, c.restarts, c.ready])).toEqual([
      ['app', 'running', '', 0, true],
      ['sidecar', 'waiting', 'CrashLoopBackOff', 7, false],
    ]);
    expect(p.containers[0]?.requests).toEqual({ cpuMilli: 250, memoryBytes: 64 * MiB });
    expect(p.containers[0]?.limits).toEqual({ cpuMilli: 1000, memoryBytes: 128 * MiB });
    expect(p.containers[1]?.requests).toEqual({ cpuMilli: null, memoryBytes: null });
    expect(p.initContainers).toEqual([expect.objectContaining({ name: 'init', state: 'terminated', exitCode: 0 })]);
    expect(podStatus(p)).toBe('CrashLoopBackOff');
  });

  it('reads deletionTimestamp as the time deletion started', () => {
    const raw = { ...base(), metadata: { ...base().metadata, deletionTimestamp: '2026-01-02T00:00:00Z' } };
    const p = podSchema.parse(raw);
    expect(p.deletingSince).toBe(Date.parse('2026-01-02T00:00:00Z'));
    expect(podStatus(p)).toBe('Terminating');
  });

  it('an empty nodeName is no node', () => {
    const raw = base();
    raw.spec.nodeName = '';
    expect(podSchema.parse(raw).nodeName).toBeNull();
  });

  it.each([
    ['spec.containers missing', (r: ReturnType<typeof base>) => Reflect.deleteProperty(r.spec, 'containers'), /^spec\.containers: /],
    [
      'a request that is not a quantity',
      (r: ReturnType<typeof base>) => {
        const [app] = r.spec.containers;
        if (app?.resources) app.resources.requests.cpu = 'half';
      },
      /^spec\.containers\.0\.resources\.requests\.cpu: not a Kubernetes quantity$/,
    ],
    ['metadata.uid missing', (r: ReturnType<typeof base>) => Reflect.deleteProperty(r.metadata, 'uid'), /^metadata\.uid: /],
  ])('%s: the pod is skipped with a readable reason', (_, edit, reason) => {
    const bad = base();
    edit(bad);
    const collector = new ListCollector(schemaDecoder(podSchema));
    collector.add(base());
    collector.add(bad);
    const result = collector.result();
    expect(result.items).toHaveLength(1);
    expect(result.skipped).toBe(1);
    expect(result.firstProblem).toMatch(reason);
  });

  it('strings with control characters and escape sequences arrive sanitized', () => {
    const raw = base();
    raw.metadata.name = 'web\x1b[2J\x1b[H-1';
    raw.metadata.namespace = 'shop\x07';
    raw.status.containerStatuses[0] = {
      name: 'sidecar',
      ready: false,
      restartCount: 1,
      state: { waiting: { reason: 'Back\x1b[5mOff\r' } },
    };
    const p = podSchema.parse(raw);
    expect(p.name).toBe('web-1');
    expect(p.namespace).toBe('shop?');
    expect(p.containers[1]?.stateReason).toBe('BackOff?');
  });
});

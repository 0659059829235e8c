import { readFileSync } from 'node:fs';
import path from 'node:path';
import { loadAll } from 'js-yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PrometheusBackfill } from '../../src/collect/prometheus-backfill.js';
import { connect } from '../../src/kube/connect.js';
import { resolveTarget } from '../../src/kube/kubeconfig/resolve-target.js';
import { connectPrometheus } from '../../src/kube/prometheus/connect-prometheus.js';
import { parsePromTarget } from '../../src/kube/prometheus/prom-target.js';
import { type Sim, startSim } from '../../src/sim/start-sim.js';
import { kmon, ROOT } from '../helpers/cli.js';
import { emptyPrometheus } from '../helpers/prometheus.js';
import { tempDir } from '../helpers/temp-dir.js';
import { healthy, startLive, until } from './faults/live-collector.js';

// deploy/rbac.yaml is what the README tells people to apply, so every request kmon sends must be
// one its roles allow, judged as the apiserver's authorizer would: kmon-reader alone for
// --no-kubelet, plus kmon-kubelet-reader for disk.

interface Rule {
  readonly apiGroups?: readonly string[];
  readonly resources?: readonly string[];
  readonly verbs: readonly string[];
}

interface Role {
  readonly kind: string;
  readonly metadata: { readonly name: string };
  readonly rules?: readonly Rule[];
}

const manifests = loadAll(readFileSync(path.join(ROOT, 'deploy', 'rbac.yaml'), 'utf8')) as Role[];
const rules = (name: string) => manifests.find((m) => m.kind === 'ClusterRole' && m.metadata.name === name)?.rules ?? [];
const READER = rules('kmon-reader');
const WITH_KUBELET = [...READER, ...rules('kmon-kubelet-reader')];
const WITH_PROMETHEUS = [...WITH_KUBELET, ...rules('kmon-prometheus-reader')];

// Discovery paths every authenticated user may GET (the default system:discovery role).
const DISCOVERY = /^\/(version|api|apis)(\/[^/]+){0,2}\/?$/;

interface Attributes {
  readonly group: string;
  readonly resource: string;
  readonly verb: string;
}

/** A GET's authorization attributes, as the apiserver derives them from the path and query. */
function attributes(target: string): Attributes | null {
  const url = new URL(target, 'https://apiserver');
  const parts = url.pathname.split('/').filter(Boolean);
  const [group, rest] = parts[0] === 'api' ? ['', parts.slice(2)] : [parts[1] ?? '', parts.slice(3)];
  const scoped = rest[0] === 'namespaces' && rest.length > 2 ? rest.slice(2) : rest;
  const [resource, name, subresource] = scoped;
  if (!resource) return null;
  const watch = ['1', 'true'].includes(url.searchParams.get('watch') ?? '');
  const verb = name ? 'get' : watch ? 'watch' : 'list';
  return { group, resource: subresource ? `${resource}/${subresource}` : resource, verb };
}

function allowed(target: string, roleRules: readonly Rule[]): boolean {
  const attrs = attributes(target);
  if (!attrs) return DISCOVERY.test(new URL(target, 'https://apiserver').pathname);
  return roleRules.some(
    (r) => (r.apiGroups ?? []).includes(attrs.group) && (r.resources ?? []).includes(attrs.resource) && r.verbs.includes(attrs.verb),
  );
}

let sim: Sim;
const CACHE = { XDG_CACHE_HOME: tempDir('kmon-rbac-') };

beforeAll(async () => {
  sim = await startSim({ nodes: 3, podsPerNode: 3, seed: 41 });
});
afterAll(() => sim?.stop());

/** The request targets the sim saw while `act` ran. */
async function seen(act: () => Promise<void>): Promise<string[]> {
  const before = sim.requests.length;
  await act();
  return sim.requests.slice(before).map((r) => r.path);
}

async function faces(extra: readonly string[]): Promise<void> {
  const common = ['--kubeconfig', sim.kubeconfigPath, ...extra];
  for (const args of [['top', 'nodes'], ['top', 'pods', '-A'], ['top', 'pods', '-n', 'web'], ['check'], ['status', '--format', 'json']]) {
    const ran = await kmon([...args, ...common], CACHE);
    expect(ran.code, ran.stderr).toBeLessThanOrEqual(2);
  }
}

describe('deploy/rbac.yaml grants what kmon uses', () => {
  it('reads the manifest as two ClusterRoles with rules', () => {
    expect(READER.length).toBeGreaterThan(0);
    expect(WITH_KUBELET.length).toBeGreaterThan(READER.length);
  });

  it('the judge is strict: a write, a secret and the kubelet without its role are refused', () => {
    expect(allowed('/api/v1/secrets', WITH_KUBELET)).toBe(false);
    expect(allowed('/api/v1/nodes/n1/proxy/stats/summary', READER)).toBe(false);
    expect(allowed('/api/v1/nodes/n1/proxy/stats/summary', WITH_KUBELET)).toBe(true);
    expect(allowed('/apis/metrics.k8s.io/v1beta1/pods?watch=1', WITH_KUBELET)).toBe(false);
  });

  it('with --no-kubelet, top, check and status need only kmon-reader', async () => {
    const targets = await seen(() => faces(['--no-kubelet']));
    expect(targets.length).toBeGreaterThan(5);
    expect(targets.filter((t) => !allowed(t, READER))).toEqual([]);
  });

  it('with disk figures, every face and the live watches need kmon-reader plus kmon-kubelet-reader', async () => {
    const targets = await seen(async () => {
      await faces(['--kubelet-qps', '100']);
      const ran = await kmon(['status', '--refresh-disk', '--kubeconfig', sim.kubeconfigPath], CACHE);
      expect(ran.code, ran.stderr).toBe(0);
      const live = startLive({ kubeconfig: sim.kubeconfigPath, intervalMs: 200 });
      try {
        await until(() => expect(healthy(live.latest())).toBe(true));
      } finally {
        live.stop();
      }
    });
    expect(targets.some((t) => t.includes('watch=1'))).toBe(true);
    expect(targets.some((t) => t.includes('/proxy/stats/summary'))).toBe(true);
    expect(targets.filter((t) => !allowed(t, WITH_KUBELET))).toEqual([]);
  });

  it('with --prometheus k8s://…, the service proxy needs kmon-prometheus-reader, and the rest no more than before', async () => {
    const prometheus = await emptyPrometheus();
    sim.setService('monitoring/prometheus:9090', prometheus.url);
    const target = resolveTarget({ kubeconfig: sim.kubeconfigPath, env: {}, homeDir: '/nonexistent' });
    const connection = connect(target, { requestMs: 5_000, kubeletMs: 5_000 });
    try {
      const targets = await seen(async () => {
        const live = startLive({ kubeconfig: sim.kubeconfigPath, intervalMs: 200 });
        const reader = connectPrometheus(parsePromTarget('k8s://monitoring/prometheus:9090'), connection.client, 5_000);
        const backfill = new PrometheusBackfill(live.collector, { reader });
        backfill.start();
        try {
          await until(async () => {
            await backfill.idle();
            expect(prometheus.asked().some((path) => path.startsWith('/api/v1/query_range'))).toBe(true);
          });
        } finally {
          backfill.stop();
          live.stop();
        }
      });
      const proxied = targets.filter((t) => t.includes('/services/'));
      expect(proxied.length).toBeGreaterThan(0);
      expect(proxied.filter((t) => allowed(t, WITH_KUBELET))).toEqual([]);
      expect(targets.filter((t) => !allowed(t, WITH_PROMETHEUS))).toEqual([]);
    } finally {
      connection.close();
      await prometheus.close();
    }
  });
});

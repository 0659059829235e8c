import { execFile, spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scaledCeil } from '../../src/model/quantity.js';
import { type Sim, startSim } from '../../src/sim/start-sim.js';
import { getJson, manualClock } from './sim-http.js';

const kubectlFound = spawnSync('kubectl', ['version', '--client'], { encoding: 'utf8' }).status === 0;

function kubectl(sim: Sim, cacheDir: string, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      'kubectl',
      ['--kubeconfig', sim.kubeconfigPath, '--cache-dir', cacheDir, ...args],
      { timeout: 15_000 },
      (error, stdout, stderr) => {
        resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
      },
    );
  });
}

const rows = (text: string) =>
  text
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.trim().split(/\s+/));

// Stock kubectl against the sim, over TLS with the kubeconfig's CA and token: discovery, the
// protobuf-first Accept answered with JSON, the Metrics API and the node list must all satisfy it.
describe.skipIf(!kubectlFound)('stock kubectl against the sim', () => {
  let sim: Sim;
  let cacheDir: string;
  beforeAll(async () => {
    cacheDir = await mkdtemp(join(tmpdir(), 'kmon-sim-kubectl-'));
    sim = await startSim({ nodes: 6, podsPerNode: 8, now: manualClock().now });
  });
  afterAll(async () => {
    await sim.stop();
    await rm(cacheDir, { recursive: true, force: true });
  });

  it('kubectl top nodes lists every node with the Metrics API’s CPU', async () => {
    const { code, stdout, stderr } = await kubectl(sim, cacheDir, 'top', 'nodes');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const table = rows(stdout);
    expect(table.map((r) => r[0])).toEqual(sim.cluster.nodeNames);
    const metrics = await getJson<{ items: { metadata: { name: string }; usage: { cpu: string } }[] }>(
      sim,
      '/apis/metrics.k8s.io/v1beta1/nodes',
    );
    for (const item of metrics.items) {
      const row = table.find((r) => r[0] === item.metadata.name);
      expect(row?.[1]).toBe(`${scaledCeil(item.usage.cpu, 3)}m`);
    }
  });

  it('kubectl top pods -A lists every pod that has metrics', async () => {
    const { code, stdout, stderr } = await kubectl(sim, cacheDir, 'top', 'pods', '-A');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const listed = rows(stdout).map((r) => `${r[0]}/${r[1]}`);
    expect(listed).toEqual(sim.cluster.podsWithMetrics().map((p) => `${p.namespace}/${p.name}`));
    expect(listed).toHaveLength(46);
  });

  it('kubectl get prints the server-side columns: pod READY, STATUS and RESTARTS, node ROLES', async () => {
    const pods = await kubectl(sim, cacheDir, 'get', 'pods', '-A');
    expect(pods.code).toBe(0);
    expect(pods.stdout.split('\n')[0]).toMatch(/^NAMESPACE\s+NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE$/);
    const crash = rows(pods.stdout).find((r) => r[1] === sim.cluster.roles.crashLoopPod?.name);
    expect(crash?.slice(2, 5)).toEqual(['0/1', 'CrashLoopBackOff', '17']);
    const nodes = await kubectl(sim, cacheDir, 'get', 'nodes');
    expect(rows(nodes.stdout)[0]).toEqual(['hello-kube-001', 'Ready', 'control-plane', '27d', 'v1.35.0']);
  });

  it('needed nothing the sim does not serve: every request kubectl made was a GET answered 200', () => {
    expect(sim.requests.length).toBeGreaterThan(8);
    expect(sim.requests.filter((r) => r.method !== 'GET' || r.status !== 200)).toEqual([]);
  });
});

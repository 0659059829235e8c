import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Sim, startSim } from '../../src/sim/start-sim.js';
import { kmon, run, tableRows } from '../helpers/cli.js';
import { hasTool } from '../helpers/tools.js';

// kubectl is a real client of the simulated cluster: if it reads the same figures kmon prints, the
// simulator speaks the wire protocol faithfully and kmon's arithmetic matches kubectl's rounding.

const KUBECTL = hasTool('kubectl', ['version', '--client']);
if (!KUBECTL) console.warn('kubectl is not on PATH: skipping the kubectl comparison');

let sim: Sim;
// A frozen clock: both clients must read the same metrics, not two scrapes a moment apart.
const FROZEN = Date.parse('2026-11-25T10:00:00Z');

beforeAll(async () => {
  sim = await startSim({ nodes: 5, podsPerNode: 7, seed: 7, now: () => FROZEN });
});
afterAll(() => sim?.stop());

const kubectl = (...args: string[]) => run('kubectl', ['--kubeconfig', sim.kubeconfigPath, ...args]);

function byName(rows: string[][], key: (r: string[]) => string, pick: (r: string[]) => string[]): Map<string, string[]> {
  return new Map(rows.map((r) => [key(r), pick(r)]));
}

describe.skipIf(!KUBECTL)('kmon top agrees with kubectl top', () => {
  it('top nodes: same CPU(cores), CPU(%), MEMORY(bytes) and MEMORY(%) for every node', async () => {
    const [theirs, ours] = await Promise.all([kubectl('top', 'nodes'), kmon(['top', 'nodes', '--kubeconfig', sim.kubeconfigPath])]);
    expect(theirs.code, theirs.stderr).toBe(0);
    expect(ours.code, ours.stderr).toBe(0);
    expect(ours.stdout.split('\n')[0]).toMatch(/^NAME\s+CPU\(cores\)\s+CPU\(%\)\s+MEMORY\(bytes\)\s+MEMORY\(%\)\s+DISK\(%\)/);
    const expected = byName(
      tableRows(theirs.stdout),
      (r) => r[0] ?? '',
      (r) => r.slice(1, 5),
    );
    const actual = byName(
      tableRows(ours.stdout),
      (r) => r[0] ?? '',
      (r) => r.slice(1, 5),
    );
    expect(expected.size).toBe(5);
    expect(actual).toEqual(expected);
  });

  it('top nodes -o wide: PODS per node as kubectl counts them, in every namespace though the context names one', async () => {
    const [theirs, ours] = await Promise.all([
      kubectl('get', 'pods', '-A', '-o', 'jsonpath={range .items[*]}{.spec.nodeName} {.status.phase}{"\\n"}{end}'),
      kmon(['top', 'nodes', '-o', 'wide', '--kubeconfig', sim.kubeconfigPath]),
    ]);
    expect(theirs.code, theirs.stderr).toBe(0);
    expect(ours.code, ours.stderr).toBe(0);
    const expected = new Map<string, number>();
    for (const [node = '', phase] of theirs.stdout
      .trim()
      .split('\n')
      .map((l) => l.split(' '))) {
      if (phase !== 'Succeeded' && phase !== 'Failed') expected.set(node, (expected.get(node) ?? 0) + 1);
    }
    const header = ours.stdout.split('\n')[0]?.split(/\s{2,}/) ?? [];
    const pods = header.indexOf('PODS');
    const actual = new Map(tableRows(ours.stdout).map((r) => [r[0] ?? '', Number.parseInt(r[pods] ?? '', 10)]));
    expect(expected.size).toBe(5);
    expect(actual).toEqual(expected);
  });

  it('top pods -A: same CPU(cores) and MEMORY(bytes) for every pod in every namespace', async () => {
    const [theirs, ours] = await Promise.all([
      kubectl('top', 'pods', '-A'),
      kmon(['top', 'pods', '-A', '--kubeconfig', sim.kubeconfigPath]),
    ]);
    expect(theirs.code, theirs.stderr).toBe(0);
    expect(ours.code, ours.stderr).toBe(0);
    const key = (r: string[]) => `${r[0]}/${r[1]}`;
    const expected = byName(tableRows(theirs.stdout), key, (r) => r.slice(2, 4));
    const actual = byName(tableRows(ours.stdout), key, (r) => r.slice(2, 4));
    expect(expected.size).toBeGreaterThan(20);
    expect(actual).toEqual(expected);
  });

  it('top pods --containers -n: same per-container figures in one namespace', async () => {
    // kubectl refuses a namespace whose pods have no metrics yet (e.g. finished jobs); pick one that has some.
    const namespace = sim.cluster.podsWithMetrics()[0]?.namespace ?? 'kube-system';
    const [theirs, ours] = await Promise.all([
      kubectl('top', 'pods', '--containers', '-n', namespace),
      kmon(['top', 'pods', '--containers', '-n', namespace, '--kubeconfig', sim.kubeconfigPath]),
    ]);
    expect(theirs.code, theirs.stderr).toBe(0);
    const key = (r: string[]) => `${r[0]}/${r[1]}`;
    expect(byName(tableRows(ours.stdout), key, (r) => r.slice(2, 4))).toEqual(byName(tableRows(theirs.stdout), key, (r) => r.slice(2, 4)));
  });

  it('top pods --sort-by memory lists pods in the same order of memory', async () => {
    const [theirs, ours] = await Promise.all([
      kubectl('top', 'pods', '-A', '--sort-by', 'memory'),
      kmon(['top', 'pods', '-A', '--sort-by', 'memory', '--kubeconfig', sim.kubeconfigPath]),
    ]);
    const memory = (text: string) => tableRows(text).map((r) => Number.parseInt(r[3] ?? '0', 10));
    expect(memory(ours.stdout)).toEqual(memory(theirs.stdout));
  });
});

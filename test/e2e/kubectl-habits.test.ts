import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Sim, startSim } from '../../src/sim/start-sim.js';
import { kmon, tableRows } from '../helpers/cli.js';
import { PLAIN_ENV } from '../helpers/status-run.js';

// What someone used to kubectl types first, and what kubectl does with it.

let sim: Sim;

beforeAll(async () => {
  sim = await startSim({ nodes: 3, podsPerNode: 6, seed: 4 });
});
afterAll(() => sim?.stop());

const top = (...args: string[]) => kmon(['top', ...args, '--kubeconfig', sim.kubeconfigPath], PLAIN_ENV);

describe('kmon top takes what kubectl top takes', () => {
  it.each([
    ['node', /^NAME\s+CPU\(cores\)/],
    ['no', /^NAME\s+CPU\(cores\)/],
    ['pod', /^NAME\s+CPU\(cores\)|^$/],
    ['po', /^NAME\s+CPU\(cores\)|^$/],
  ])('top %s', async (kind, header) => {
    const ran = await top(kind, '-A');
    expect(ran.code, ran.stderr).toBe(0);
    expect(ran.stdout.split('\n')[0]).toMatch(kind.startsWith('p') ? /^NAMESPACE\s+NAME\s+CPU\(cores\)/ : header);
  });

  it('top nodes NAME: that node alone; an unknown name is an error, as with kubectl', async () => {
    const [first] = sim.cluster.nodeNames;
    const ran = await top('nodes', first ?? '');
    expect(ran.code, ran.stderr).toBe(0);
    expect(tableRows(ran.stdout).map((r) => r[0])).toEqual([first]);
    const missing = await top('nodes', 'no-such-node');
    expect(missing.code).toBe(1);
    expect(missing.stdout).toBe('');
    expect(missing.stderr.trim()).toBe('kmon: node "no-such-node" not found');
  });

  it('top pods NAME -n NS: that pod alone', async () => {
    const all = tableRows((await top('pods', '-A')).stdout);
    const [namespace, name] = all[0] ?? [];
    const ran = await top('pods', name ?? '', '-n', namespace ?? '');
    expect(ran.code, ran.stderr).toBe(0);
    expect(tableRows(ran.stdout).map((r) => r[0])).toEqual([name]);
    const missing = await top('pods', 'no-such-pod', '-n', namespace ?? '');
    expect(missing.code).toBe(1);
    expect(missing.stderr.trim()).toBe(`kmon: pod "no-such-pod" not found in namespace ${namespace}`);
  });

  it('kmon foo names the unknown command', async () => {
    const ran = await kmon(['foo'], PLAIN_ENV);
    expect(ran.code).toBe(2);
    expect(ran.stderr.trim()).toMatch(/^kmon: unknown command 'foo'/);
  });
});

describe('namespaces as kubectl reads them', () => {
  it('-n nonexistent: no table, "No resources found in nonexistent namespace." on stderr, exit 0', async () => {
    const ran = await top('pods', '-n', 'nonexistent');
    expect(ran.code, ran.stderr).toBe(0);
    expect(ran.stdout).toBe('');
    expect(ran.stderr.trim()).toBe('No resources found in nonexistent namespace.');
  });

  it("-n '' is the context's namespace, not every namespace", async () => {
    // The simulated cluster's context names no namespace, so it is "default", where no pods run.
    const ran = await top('pods', '-n', '');
    expect(ran.code, ran.stderr).toBe(0);
    expect(ran.stdout).toBe('');
    expect(ran.stderr.trim()).toBe('No resources found in default namespace.');
  });
});

describe('what top prints where there is nothing to print', () => {
  it('--containers -o wide is refused, not ignored', async () => {
    const ran = await top('pods', '-A', '--containers', '-o', 'wide');
    expect(ran.code).toBe(2);
    expect(ran.stderr.trim()).toMatch(/^kmon: --containers .*-o wide/);
  });

  it('a pod without a limit shows "-" for CPU/LIM, not <unknown>', async () => {
    const ran = await top('pods', '-A', '-o', 'wide');
    expect(ran.code, ran.stderr).toBe(0);
    const header = ran.stdout.split('\n')[0] ?? '';
    const at = header.indexOf('CPU/LIM');
    const cells = ran.stdout
      .split('\n')
      .slice(1)
      .filter(Boolean)
      .map((l) => l.slice(at).split(/\s+/)[0]);
    expect(cells).toContain('-');
    expect(ran.stdout).not.toMatch(/^\S+\s+\S+\s+\d+m\s+\d+Mi\s+.*<unknown>/m);
  });

  it('images on the node filesystem read "=nodefs" under IMAGEFS(%)', async () => {
    const ran = await top('nodes', '-o', 'wide');
    expect(ran.code, ran.stderr).toBe(0);
    const rows = tableRows(ran.stdout);
    const at = (ran.stdout.split('\n')[0] ?? '').split(/\s+/).indexOf('IMAGEFS(%)');
    expect(rows.map((r) => r[at])).toContain('=nodefs');
    expect(ran.stdout).not.toContain('<unknown>');
  });
});

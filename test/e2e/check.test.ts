import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type Sim, startSim } from '../../src/sim/start-sim.js';
import { kmon } from '../helpers/cli.js';

// `kmon check` for scripts and monitoring: exit 0/1/2 for ok/warn/crit with one line saying why,
// 3 when the cluster cannot be read. The simulated cluster always has a full disk (crit); taking
// that node and the namespaces of its troubled pods away leaves a calm cluster.

const FROZEN = Date.parse('2026-11-25T10:00:00Z');

let sim: Sim;

beforeAll(async () => {
  sim = await startSim({ nodes: 4, podsPerNode: 4, seed: 3, now: () => FROZEN });
});
afterAll(() => sim?.stop());
afterEach(() => sim.setFaults({ removed: { nodes: [], namespaces: [] } }));

const check = (...args: string[]) => kmon(['check', '--kubeconfig', sim.kubeconfigPath, ...args]);

function oneLine(stdout: string): string {
  expect(stdout.split('\n')).toHaveLength(2);
  return stdout.trimEnd();
}

/** How many findings a CRIT/WARN line stands for: those named, plus "(+N more)". */
function findings(text: string): number {
  const named = text.replace(/ \(\+\d+ more\)$/, '').split('; ').length;
  return named + Number(/\(\+(\d+) more\)$/.exec(text)?.[1] ?? 0);
}

interface CheckAlert {
  readonly level: string;
  readonly kind: string;
  readonly object: string;
  readonly message: string;
  readonly since: string;
  readonly fullInSeconds: number | null;
}

function calm(): void {
  const { roles } = sim.cluster;
  const troubled = [roles.crashLoopPod, roles.leakingPod, roles.cronJob].flatMap((p) => (p ? [p.namespace] : []));
  sim.setFaults({ removed: { nodes: [roles.fullDiskNode, roles.fillingDiskNode], namespaces: [...new Set(troubled)] } });
}

describe('kmon check', () => {
  it('exit 2 with CRIT naming the full disk', async () => {
    const ran = await check();
    expect(ran.code, ran.stderr).toBe(2);
    const line = oneLine(ran.stdout);
    const full = sim.cluster.roles.fullDiskNode;
    expect(line).toMatch(/^CRITICAL: /);
    expect(line).toContain(`node ${full}: DiskPressure`);
    expect(line).toMatch(new RegExp(`node ${full}: disk at 9\\d%`));
  });

  it('raising the disk thresholds (--disk-warn 98 --disk-crit 99) leaves fewer findings, and no disk figure among them', async () => {
    const [defaults, raised] = await Promise.all([check(), check('--disk-warn', '98', '--disk-crit', '99')]);
    const before = oneLine(defaults.stdout);
    const after = oneLine(raised.stdout);
    expect(findings(after)).toBeLessThan(findings(before));
    expect(after).not.toMatch(/disk at \d+%/);
    // The node's own DiskPressure condition is not a threshold: still crit.
    expect(raised.code).toBe(2);
  });

  it('exit 0 with OK on a calm cluster', async () => {
    calm();
    const ran = await check();
    expect(ran.code, ran.stdout).toBe(0);
    expect(oneLine(ran.stdout)).toMatch(/^OK: \d+ nodes, \d+ pods, nothing over the thresholds$/);
  });

  it('exit 1 with WARN when only a warning threshold is passed', async () => {
    calm();
    const ran = await check('--cpu-warn', '1', '--cpu-crit', '99');
    expect(ran.code, ran.stdout).toBe(1);
    expect(oneLine(ran.stdout)).toMatch(/^WARNING: node \S+: CPU at \d+%/);
  });

  it('-o json lists every alert, worst first, with its object, its start (RFC 3339) and any projection', async () => {
    const [text, json] = await Promise.all([check(), check('-o', 'json')]);
    expect(json.code).toBe(2);
    const answer = JSON.parse(json.stdout) as { level: string; alerts: CheckAlert[] };
    expect(answer.level).toBe('crit');
    // Nothing hides behind "+N more": the line's count and the list agree.
    expect(answer.alerts).toHaveLength(findings(oneLine(text.stdout)));
    const full = sim.cluster.roles.fullDiskNode;
    const pressure = answer.alerts.find((a) => a.kind === 'condition' && a.object === `node/${full}`);
    expect(pressure).toEqual({
      level: 'crit',
      kind: 'condition',
      object: `node/${full}`,
      message: 'DiskPressure: kubelet has disk pressure',
      since: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      fullInSeconds: null,
    });
    // The node says when its DiskPressure began: days before this look.
    expect(Date.parse(pressure?.since ?? '')).toBeLessThan(FROZEN - 86_400_000);
    const ranks = answer.alerts.map((a) => (a.level === 'crit' ? 2 : 1));
    expect(ranks).toEqual([...ranks].sort((a, b) => b - a));
    for (const a of answer.alerts) expect(a.object).toMatch(/^(node\/\S+|pod\/\S+\/\S+|cluster)$/);
  });

  it('-o json on a calm cluster: ok and no alerts', async () => {
    calm();
    const ran = await check('-o', 'json');
    expect(ran.code).toBe(0);
    expect(JSON.parse(ran.stdout)).toEqual({ level: 'ok', alerts: [] });
  });

  it('exit 3 with UNKNOWN when the cluster cannot be reached', async () => {
    sim.setFaults({ apiserverDown: true });
    try {
      const [ran, json] = await Promise.all([check('--request-timeout', '2s'), check('--request-timeout', '2s', '-o', 'json')]);
      expect(ran.code).toBe(3);
      expect(oneLine(ran.stdout)).toMatch(/^UNKNOWN: /);
      expect(json.code).toBe(3);
      const answer = JSON.parse(json.stdout) as { level: string; alerts: CheckAlert[] };
      expect(answer.level).toBe('unknown');
      expect(answer.alerts[0]).toMatchObject({ level: 'crit', kind: 'read', object: 'cluster', fullInSeconds: null });
    } finally {
      sim.setFaults({ apiserverDown: false });
    }
  });

  it('exit 3 with UNKNOWN when the credentials are rejected', async () => {
    await sim.setFaults({ unauthorized: true });
    try {
      const ran = await check();
      expect(ran.code).toBe(3);
      expect(oneLine(ran.stdout)).toBe('UNKNOWN: nodes: unauthorized: the credentials were rejected');
    } finally {
      await sim.setFaults({ unauthorized: false });
    }
  });

  // Nagios and Icinga read 2 as CRITICAL: a typo must not page anyone as a critical cluster would.
  it.each([
    [['--bogus'], /^UNKNOWN: bad input: unknown option '--bogus' \(see kmon check --help\)$/],
    [['--cpu-warn', 'x'], /^UNKNOWN: bad input: option '--cpu-warn <pct>' argument 'x' is invalid/],
    [['--cpu-warn', '95', '--cpu-crit', '90'], /^UNKNOWN: bad input: thresholds: /],
    [['--context', 'no-such-context'], /^UNKNOWN: .*no-such-context/],
  ])('bad input %j: exit 3 with one UNKNOWN line', async (args, line) => {
    const ran = await check(...args);
    expect(ran.code).toBe(3);
    expect(oneLine(ran.stdout)).toMatch(line);
    expect(ran.stderr).not.toMatch(/at .*\.js:\d+/);
  });

  it('other commands keep exit 2 for bad input', async () => {
    const ran = await kmon(['top', 'nodes', '--kubeconfig', sim.kubeconfigPath, '--bogus']);
    expect(ran.code).toBe(2);
  });
});

describe('kmon check -o json when it cannot judge', () => {
  it('bad input is JSON too: level unknown with the error, exit 3', async () => {
    const ran = await kmon(['check', '-o', 'json', '--kubeconfig', sim.kubeconfigPath, '--cpu-warn', '95', '--cpu-crit', '90']);
    expect(ran.code).toBe(3);
    expect(JSON.parse(ran.stdout)).toEqual({ level: 'unknown', error: expect.stringMatching(/^bad input: thresholds: /), alerts: [] });
  });
});

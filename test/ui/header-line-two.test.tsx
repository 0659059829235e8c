import { describe, expect, it } from 'vitest';
import type { Problem } from '../../src/model/problems.js';
import { leadProblem } from '../../src/ui/header-text.js';
import { appScreens, screenLines } from './app-screen.js';
import { busySnapshot, NODE_NAMES } from './busy-fixture.js';
import { NOW } from './ui-fixture.js';

// The header's second line always says how old the data is, problem or not, and counts each
// cause once: with nodes/proxy forbidden, six nodes failing to read is one reason, not seven.

const show = appScreens();
const OFF = 'nodes/proxy forbidden: disk unknown (needs get nodes/proxy)';
const forbidden = (node: string): Problem => ({
  source: 'kubelet',
  kind: 'forbidden',
  message: `kubelet on ${node}: forbidden`,
  node,
  since: NOW,
});

describe("the header's second line", () => {
  it('keeps the data age beside a problem', async () => {
    const metrics: Problem = { source: 'metrics', kind: 'unavailable', message: 'metrics-server unavailable', since: NOW };
    const screen = await show({ ...busySnapshot(), problems: [metrics] });
    const line = screenLines(screen)[1] ?? '';
    expect(line).toMatch(/data \d+s old/);
    expect(line).toContain('metrics-server unavailable');
  });

  it('names a critical alert before the warning that one kubelet cannot be read (a NotReady node’s cannot)', async () => {
    const notReady = NODE_NAMES[5] ?? '';
    const kubelet: Problem = {
      source: 'kubelet',
      kind: 'unavailable',
      message: `kubelet on ${notReady}: unavailable (503)`,
      node: notReady,
      since: NOW,
    };
    const line = screenLines(await show({ ...busySnapshot(), problems: [kubelet] }))[1] ?? '';
    expect(line).toMatch(/data \d+s old/);
    expect(line).toContain('‼');
    expect(line).not.toContain(`kubelet on ${notReady}`);
  });

  it('counts nodes/proxy forbidden on every node as one reason', () => {
    const six = NODE_NAMES.slice(0, 6);
    const snapshot = { ...busySnapshot(), problems: six.map(forbidden), kubeletOff: OFF };
    expect(leadProblem(snapshot)).toEqual({ text: OFF, more: 0, oneKubelet: false });
    const down: Problem = {
      source: 'kubelet',
      kind: 'unreachable',
      message: 'kubelet on hello-kube-007: timeout',
      node: 'hello-kube-007',
      since: NOW,
    };
    expect(leadProblem({ ...snapshot, problems: [...snapshot.problems, down] })).toEqual({ text: OFF, more: 1, oneKubelet: false });
  });
});

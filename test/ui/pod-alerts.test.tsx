import { describe, expect, it } from 'vitest';
import { PodUsageIndex } from '../../src/model/pod-usage-index.js';
import { LEGEND } from '../../src/ui/legend.js';
import { container, MiB, nodeInfo, podInfo, podUsage, snapshot } from '../helpers/records.js';
import { appScreens, lineWith, screenLines } from './app-screen.js';
import { NOW } from './ui-fixture.js';

// Pod CPU and memory alerts are judged against the pod's limit, where harm starts (CPU throttling,
// the OOM killer): a pod above its request is using what it asked for and more, which is normal.
// The screen shows the figure the alert is judged on, and the help says so.

const show = appScreens();

function pods() {
  const list = [
    podInfo('over-request', {
      containers: [
        container('main', { requests: { cpuMilli: 100, memoryBytes: 64 * MiB }, limits: { cpuMilli: null, memoryBytes: null } }),
      ],
    }),
    podInfo('near-limit', {
      containers: [
        container('main', { requests: { cpuMilli: 100, memoryBytes: 64 * MiB }, limits: { cpuMilli: 1000, memoryBytes: 1024 * MiB } }),
      ],
    }),
  ].map((p) => ({ ...p, createdAt: NOW - 60_000 }));
  return snapshot({
    takenAt: NOW,
    inventoryAt: NOW,
    metricsAt: NOW,
    nodes: [nodeInfo('node-a', { createdAt: NOW - 60_000 })],
    pods: list,
    podUsage: PodUsageIndex.of([podUsage('default', 'over-request', 140, 32 * MiB), podUsage('default', 'near-limit', 950, 100 * MiB)]),
  });
}

describe('pod CPU alerts', () => {
  it('a pod at 140% of its request and no limit raises nothing; one at 95% of its limit is crit', async () => {
    const screen = await show(pods(), { color: false });
    expect(screenLines(screen).find((l) => /^NAMESPACE/.test(l))).toMatch(/CPU\/L/);
    expect(lineWith(screen, 'over-request')).not.toMatch(/[!‼]/);
    expect(lineWith(screen, 'near-limit')).toMatch(/\b95% ‼/);
  });

  it('the help says what pod alerts are judged against', async () => {
    const screen = await show(pods(), { rows: 60 });
    await screen.press('?');
    for (const line of LEGEND) expect(screenLines(screen).some((l) => l.includes(line))).toBe(true);
  });
});

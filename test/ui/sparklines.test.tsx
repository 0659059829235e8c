import { describe, expect, it } from 'vitest';
import { PodUsageIndex } from '../../src/model/pod-usage-index.js';
import type { PodInfo } from '../../src/model/records.js';
import { LEGEND } from '../../src/ui/legend.js';
import { container, MiB, nodeInfo, podInfo, podUsage, snapshot } from '../helpers/records.js';
import { appScreens, lineWith, screenLines } from './app-screen.js';
import { NOW } from './ui-fixture.js';

// A pod's sparkline is drawn against its limit when it has one; pods without share one scale per
// column, so a pod at 2m draws lower than one at 6m, as their figures say.

const show = appScreens();
const BLOCKS = '▁▂▃▄▅▆▇█';

function cluster(cpu: Record<string, number>) {
  const pods: PodInfo[] = Object.keys(cpu).map((name) =>
    podInfo(name, {
      createdAt: NOW - 60_000,
      containers: [container('main', name === 'limited' ? { limits: { cpuMilli: 100, memoryBytes: 1024 * MiB } } : {})],
    }),
  );
  const taken = snapshot({
    seq: 1,
    takenAt: NOW,
    inventoryAt: NOW,
    metricsAt: NOW,
    nodes: [nodeInfo('node-a', { createdAt: NOW - 60_000 })],
    pods,
    podUsage: PodUsageIndex.of(pods.map((p) => podUsage('default', p.name, cpu[p.name] ?? 0, 64 * MiB))),
  });
  for (let t = 1; t <= 8; t++) {
    for (const p of pods) taken.history.podUsage.record(p.uid, t, 1, [(cpu[p.name] ?? 0) * (t % 2 ? 1 : 0.98), 64 * MiB]);
  }
  return taken;
}

/** The highest block in the CPU sparkline of the pod's row. */
function cpuPeak(line: string): number {
  const spark = /\d+m\s+(?:-|\d+%)\s+([▁-█]+)/.exec(line)?.[1] ?? '';
  return Math.max(...[...spark].map((c) => BLOCKS.indexOf(c)));
}

describe('pod sparklines', () => {
  it('pods without a limit share one scale: 2m draws lower than 6m', async () => {
    const screen = await show(cluster({ small: 2, big: 6 }));
    expect(cpuPeak(lineWith(screen, 'small'))).toBeLessThan(cpuPeak(lineWith(screen, 'big')));
    expect(cpuPeak(lineWith(screen, 'small'))).toBeLessThanOrEqual(3);
  });

  it('a pod with a limit is drawn against it: 50m of a 100m limit is half way, whatever its neighbours use', async () => {
    const screen = await show(cluster({ limited: 50, big: 900 }));
    expect(cpuPeak(lineWith(screen, 'limited'))).toBeGreaterThanOrEqual(3);
    expect(cpuPeak(lineWith(screen, 'limited'))).toBeLessThanOrEqual(4);
  });

  it('the help says which scale the sparklines use', async () => {
    const screen = await show(cluster({ small: 2 }), { rows: 48 });
    await screen.press('?');
    expect(screenLines(screen).some((l) => /sparkline/i.test(l) && l.includes('limit'))).toBe(true);
    expect(LEGEND.some((l) => /sparkline/i.test(l))).toBe(true);
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { HistoryChart } from '../../src/ui/components/HistoryChart.js';
import { makeTheme } from '../../src/ui/theme.js';
import { nodeInfo, snapshot } from '../helpers/records.js';
import { KEYS, plain, renderAt } from '../helpers/render.js';
import { appScreens, screenLines } from './app-screen.js';
import { NOW } from './ui-fixture.js';

// The axis labels of a history chart must tell its lines apart: a node idling at 0.8% CPU on a
// 0–1% axis reads "1% 0.8% 0.7% …", never "1% 1% 1% 1% 1% 0% 0%".

let screen: ReturnType<typeof renderAt> | null = null;
afterEach(() => screen?.unmount());
const show = appScreens();

const labelsOf = (lines: readonly string[]) => lines.flatMap((l) => /^\s*(\S+)\s*[┼┤]/.exec(l)?.[1] ?? []);

async function axisLabels(values: number[], unit: string, height: number, cap?: number): Promise<string[]> {
  screen = renderAt(
    <HistoryChart
      title="t"
      values={values}
      width={40}
      height={height}
      min={0}
      cap={cap}
      unit={unit}
      theme={makeTheme({ color: false, ascii: false })}
    />,
    40,
    20,
  );
  await screen.settle();
  return labelsOf(plain(screen.lastFrame()).split('\n'));
}

describe('history chart axis', () => {
  it("a node idling under 1% CPU: the detail's CPU axis labels all differ", async () => {
    const node = nodeInfo('idle', { createdAt: NOW - 60_000 });
    const idle = snapshot({ takenAt: NOW, inventoryAt: NOW, metricsAt: NOW, nodes: [node] });
    for (let t = 1; t <= 8; t++) idle.history.nodeUsage.record(node.uid, t, 1, [20 + t * 2, 1e9]);
    const app = await show(idle, { columns: 40, rows: 40 });
    await app.press(KEYS.enter);
    const lines = screenLines(app);
    const cpu = lines.findIndex((l) => l.includes('CPU % of allocatable'));
    const labels = labelsOf(lines.slice(cpu + 1, cpu + 11));
    expect(labels.length).toBeGreaterThan(3);
    expect(new Set(labels).size, labels.join(' ')).toBe(labels.length);
  });

  it.each([
    [[0.5, 0.8, 0.6, 0.7], '%', 7, 100],
    [[0.01, 0.02, 0.015], '%', 10, 100],
    [[40, 45, 42], '%', 10, 100],
    [[3, 4, 2], 'm', 7, undefined],
    [[900, 1000, 950], 'Mi', 5, 1024],
  ])('%j in %s on %i lines: every label differs', async (values, unit, height, cap) => {
    const labels = await axisLabels(values, unit, height, cap);
    expect(labels).toHaveLength(height);
    expect(new Set(labels).size, labels.join(' ')).toBe(labels.length);
    for (const label of labels) expect(label.endsWith(unit)).toBe(true);
  });
});

describe('history chart title', () => {
  async function title(values: number[], times?: number[]): Promise<string> {
    screen = renderAt(
      <HistoryChart
        title="CPU"
        values={values}
        times={times}
        width={24}
        height={4}
        min={0}
        unit="%"
        theme={makeTheme({ color: false, ascii: false })}
      />,
      24,
      10,
    );
    await screen.settle();
    return plain(screen.lastFrame()).split('\n')[0]?.trim() ?? '';
  }

  it('says how far back the drawn samples go, so a past fetched or saved shows at once', async () => {
    const times = Array.from({ length: 30 }, (_, i) => NOW + i * 60_000);
    // 24 columns draw the last 15 samples: 14 minutes.
    expect(
      await title(
        times.map((_, i) => i % 5),
        times,
      ),
    ).toBe('CPU, last 14m');
    expect(await title([1, 2, 3], [NOW, NOW + 15_000, NOW + 30_000])).toBe('CPU, last 30s');
  });

  it('says nothing of a span without times, or with one sample', async () => {
    expect(await title([1, 2, 3])).toBe('CPU');
    expect(await title([1], [NOW])).toBe('CPU');
  });
});

import { describe, expect, it } from 'vitest';
import type { Pressure } from '../../src/model/pressure.js';
import type { Snapshot } from '../../src/model/snapshot.js';
import { nodeSummary } from '../helpers/records.js';
import { KEYS } from '../helpers/render.js';
import { appScreens, rowOf, screenLines } from './app-screen.js';
import { clusterSnapshot } from './ui-fixture.js';

// The node pane's pressure columns appear only while some node reports PSI, and a node that does
// not shows "-", never 0%; INODE% alerts as DISK% does; the pod detail says what the kubelet knows.

const show = appScreens();
const stall = (avg10: number) => ({ some: { avg10, avg60: avg10, avg300: avg10 }, full: { avg10: avg10 / 2, avg60: 0, avg300: 0 } });

/** The cluster fixture with pressure on the nodes given (the others report none) and node-c's inodes at 95%. */
function withSignals(pressure: Record<string, Pressure>): Snapshot {
  const base = clusterSnapshot();
  const summaries = new Map(
    [...base.summaries].map(([name, fetched]) => {
      const fs = fetched.summary.fs && { ...fetched.summary.fs, inodes: 1000, inodesFree: name === 'node-c' ? 50 : 700 };
      return [name, { ...fetched, summary: nodeSummary(name, { fs, pressure: pressure[name] ?? null }) }];
    }),
  );
  return { ...base, summaries };
}

describe('PSI columns', () => {
  it('appear while some node reports pressure; a node that does not shows "-", never 0%', async () => {
    const screen = await show(withSignals({ 'node-a': { cpu: stall(37.5), memory: stall(0), io: stall(2) } }), { columns: 160, rows: 40 });
    const header = screenLines(screen).find((l) => l.startsWith('NAME '));
    expect(header).toMatch(/PSI-CPU\s+PSI-MEM\s+PSI-IO/);
    expect(rowOf(screen, 'node-a')).toMatch(/37%\s+0%\s+2%/);
    expect(rowOf(screen, 'node-b')).toMatch(/\s-\s+-\s+-\s/);
    expect(rowOf(screen, 'node-b')).not.toMatch(/\s0%\s+0%\s+0%/);
  });

  it('are left out when no node reports pressure (kubelets before 1.34, or cgroup v1)', async () => {
    const screen = await show(withSignals({}), { columns: 160, rows: 40 });
    expect(screenLines(screen).join('\n')).not.toContain('PSI-');
  });
});

describe('inodes', () => {
  it('a node at 95% of its inodes is crit in INODE%, and in the events pane', async () => {
    const screen = await show(withSignals({}), { columns: 160, rows: 40 });
    expect(rowOf(screen, 'node-c')).toMatch(/95% ‼/);
    await screen.press('e');
    expect(screenLines(screen).join('\n')).toMatch(/‼\s+\S+\s+node node-c\s+inodes at 95%/);
  });
});

describe('node detail', () => {
  it('names what the kubelet does not report, and where each figure came from', async () => {
    const screen = await show(withSignals({}), { columns: 160, rows: 45 });
    await screen.press('/', ...'node-c', KEYS.enter, KEYS.enter);
    const text = screenLines(screen).join('\n');
    expect(text).toContain('pressure not reported');
    expect(text).toMatch(/inodes 95% ‼ 950\/1,000/);
    expect(text).toMatch(/from: CPU\/memory Metrics API .* \/stats\/summary \d+s ago/);
  });
});

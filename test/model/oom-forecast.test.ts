import { describe, expect, it } from 'vitest';
import { cellText } from '../../src/model/columns.js';
import { HistoryStore } from '../../src/model/history.js';
import { POD_COLUMNS } from '../../src/model/pod-columns.js';
import { buildPodRow } from '../../src/model/pod-row.js';
import { PodUsageIndex } from '../../src/model/pod-usage-index.js';
import { DEFAULT_THRESHOLDS } from '../../src/model/thresholds.js';
import { container, MiB, podInfo, podUsage, snapshot } from '../helpers/records.js';

const MINUTE = 60_000;
const T0 = Date.parse('2026-06-26T10:00:00Z');
const pod = podInfo('leaky', { containers: [container('main', { limits: { cpuMilli: null, memoryBytes: 1024 * MiB } })] });

/** The pod's working set sampled every 15 s for `minutes`, climbing `perMinute` MiB a minute to `now` MiB. */
function leaking(nowMiB: number, perMinute: number, minutes = 5) {
  const podUsageHistory = new HistoryStore({ seriesCount: 2, depth: 40 });
  const last = minutes * 4;
  for (let i = 0; i <= last; i++) {
    const at = T0 + i * 15_000;
    podUsageHistory.record(pod.uid, at, i + 1, [10, (nowMiB - (perMinute * (last - i)) / 4) * MiB]);
  }
  const now = T0 + minutes * MINUTE;
  const s = snapshot({
    seq: last + 1,
    takenAt: now,
    pods: [pod],
    podUsage: PodUsageIndex.of([podUsage(pod.namespace, pod.name, 10, nowMiB * MiB, now)]),
    history: {
      nodeUsage: new HistoryStore({ seriesCount: 2, depth: 8 }),
      nodeDisk: new HistoryStore({ seriesCount: 3, depth: 8 }),
      podUsage: podUsageHistory,
    },
  });
  return buildPodRow(pod, s, DEFAULT_THRESHOLDS, now);
}

const statusColumn = POD_COLUMNS.find((c) => c.id === 'status');
const status = (row: ReturnType<typeof leaking>) => {
  const cell = statusColumn?.cell(row, { now: T0, ascii: false, width: 20, history: snapshot().history, asOfTick: 0 });
  return cell && cellText(cell);
};

describe('OOM risk: the working set projected to the memory limit', () => {
  it('704 MiB of 1 GiB climbing 16 MiB a minute: OOM in 20 minutes, crit, in the status and the reasons', () => {
    const row = leaking(704, 16);
    expect(row.oom?.fullInMs).toBeCloseTo(20 * MINUTE, -3);
    expect(row.oom?.level).toBe('crit');
    expect(row.level).toBe('crit');
    expect(status(row)).toBe('OOM 20m ‼');
    expect(row.reasons).toContain('OOM in 20m (memory +16 MiB/min to its limit)');
  });

  it('slow growth is warn within 4 hours and says nothing beyond', () => {
    expect(leaking(704, 2).oom?.level).toBe('warn');
    expect(status(leaking(704, 2))).toBe('OOM 2h !');
    expect(leaking(704, 1).oom?.level).toBe('ok');
    expect(status(leaking(704, 1))).toBe('Running');
  });

  it('two minutes of a climb are not yet a trend: a working set breathes with its garbage collector', () => {
    expect(leaking(704, 16, 2).oom?.fullInMs).toBeNull();
    expect(leaking(704, 16, 3).oom?.fullInMs).toBeCloseTo(20 * MINUTE, -3);
  });

  it('a steady pod, or one under half its limit, has no OOM projection', () => {
    expect(leaking(704, 0).oom?.fullInMs).toBeNull();
    expect(leaking(400, 16).oom).toBeNull();
  });
});

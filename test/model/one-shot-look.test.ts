import { describe, expect, it } from 'vitest';
import { lookOnce, NOTHING_REMEMBERED, type Remembered } from '../../src/model/one-shot-look.js';
import type { Snapshot } from '../../src/model/snapshot.js';
import { DEFAULT_THRESHOLDS } from '../../src/model/thresholds.js';
import { GiB, nodeInfo, nodeSummary, snapshot } from '../helpers/records.js';

const T0 = Date.parse('2026-06-26T10:00:00Z');
const MINUTE = 60_000;
const node = nodeInfo('hk-7');

/** kmon status's view at `minutes`: the node's disk at 90% and filling 1% a minute, read then. */
function at(minutes: number): Snapshot {
  const now = T0 + minutes * MINUTE;
  const used = 90 + minutes;
  const fs = { capacityBytes: 100 * GiB, availableBytes: (100 - used) * GiB, usedBytes: null, time: now };
  return snapshot({
    takenAt: now,
    nodes: [node],
    summaries: new Map([[node.name, { summary: nodeSummary(node.name, { fs }), fetchedAt: now }]]),
  });
}

function looks(minutes: number[]) {
  let remembered: Remembered = NOTHING_REMEMBERED;
  let last: ReturnType<typeof lookOnce> | null = null;
  for (const m of minutes) {
    last = lookOnce(remembered, at(m), DEFAULT_THRESHOLDS, [], T0 + m * MINUTE);
    // As the file keeps it: through JSON, unknown figures as null.
    remembered = JSON.parse(JSON.stringify(last.remembered), (_, v) => (v === null ? Number.NaN : v));
  }
  return last as ReturnType<typeof lookOnce>;
}

describe('lookOnce: what kmon status and kmon check remember between runs', () => {
  it('a first look reports what it sees, dated now, with nothing projected', () => {
    const look = looks([0]);
    expect(look.alerts.map((a) => [a.kind, a.level, a.message, a.since, a.fullInMs])).toEqual([['disk', 'crit', 'disk at 90%', T0, null]]);
    expect(look.nodes[0]?.full).toBeNull();
  });

  it('runs a minute apart: the alert keeps its start, and four samples project the disk full', () => {
    const look = looks([0, 1, 2, 3]);
    const disk = look.alerts.find((a) => a.kind === 'disk');
    expect(disk?.since).toBe(T0);
    expect(disk?.message).toBe('disk at 93%');
    const full = look.alerts.find((a) => a.kind === 'full');
    expect(full?.fullInMs).toBeCloseTo(7 * MINUTE, -3);
    expect(look.nodes[0]?.full?.fullInMs).toBeCloseTo(7 * MINUTE, -3);
  });

  it('forgets samples older than an hour', () => {
    const look = looks([0, 1, 2, 70]);
    expect(look.remembered.samples.disk[node.uid]).toHaveLength(1);
  });
});

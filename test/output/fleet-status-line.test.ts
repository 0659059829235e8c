import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { type FleetStatus, fleetStatusLine } from '../../src/output/fleet-status-line.js';
import type { StatusData, StatusFormat } from '../../src/output/status-line.js';
import { visible } from '../helpers/status-run.js';

// kmon status over several contexts: one line, a short part per cluster, worst first, never wider
// than --max-width; the calmest clusters give way (counted) before any name is cut.

const base: StatusData = {
  cluster: '',
  ready: 3,
  total: 3,
  cpuPercent: 41.7,
  memoryPercent: 30,
  cpuTrend: [],
  cpuLevel: 'ok',
  memoryLevel: 'ok',
  problems: [],
  staleMs: null,
};

const FLEET: FleetStatus[] = [
  { context: 'staging', data: { ...base, cluster: 'staging' } },
  {
    context: 'prod-eu',
    data: {
      ...base,
      cluster: 'prod-eu',
      ready: 11,
      total: 12,
      problems: [
        { level: 'crit', label: 'disk', node: 'node-7', percent: 93.4 },
        { level: 'warn', label: 'mem', node: 'node-3', percent: 84.1 },
      ],
    },
  },
  {
    context: 'dev',
    data: { ...base, cluster: 'dev', error: 'cannot reach https://dev:6443: connection refused', errorLabel: 'unreachable' },
  },
  { context: 'prod-us', data: { ...base, cluster: 'prod-us', problems: [{ level: 'warn', label: 'cpu', node: 'us-2', percent: 75 }] } },
];

const line = (maxWidth: number, format: StatusFormat = 'plain', clusters = FLEET) =>
  fleetStatusLine(clusters, { format, color: true, maxWidth, ascii: false });

describe('fleetStatusLine', () => {
  it.each([
    [200, '⎈ prod-eu 11/12 disk ‼ node-7 93% +1 │ dev ✗ unreachable │ prod-us cpu ! us-2 75% │ staging cpu 41%'],
    [80, '⎈ prod-eu disk ‼ node-7 93% +1 │ dev ✗ unreachable │ prod-us ! cpu 75% │ staging'],
    // Rather than cut a part short, the calmest clusters are counted.
    [60, '⎈ prod-eu disk ‼ node-7 93% +1 │ dev ✗ unreachable +2 more'],
    [40, '⎈ prod-eu disk ‼ node-7 93% +1 +3 more'],
    // The worst cluster alone, cut as a last resort.
    [20, '⎈ prod-eu ‼ … +3 mo…'],
  ])('%i columns: %s', async (width, expected) => {
    expect(await line(width)).toBe(expected);
  });

  it.each(['plain', 'tmux', 'ansi'] as const)('%s: never wider than --max-width, from 10 to 120 columns', async (format) => {
    for (let width = 10; width <= 120; width++) {
      expect(stringWidth(visible(await line(width, format))), `width ${width}`).toBeLessThanOrEqual(width);
    }
  });

  it('a cluster that cannot be read is as bad as a critical one: the command line decides between them', async () => {
    const [devFirst] = (await line(200, 'plain', [FLEET[2], FLEET[1]] as FleetStatus[])).split(' │ ');
    expect(devFirst).toBe('⎈ dev ✗ unreachable');
  });

  it('JSON: the worst level and one entry per cluster, worst first, as kmon status gives one', async () => {
    const json = JSON.parse(await line(80, 'json'));
    expect(json.level).toBe('crit');
    expect(json.clusters.map((c: { context: string }) => c.context)).toEqual(['prod-eu', 'dev', 'prod-us', 'staging']);
    expect(json.clusters[1]).toMatchObject({
      context: 'dev',
      level: 'crit',
      error: 'cannot reach https://dev:6443: connection refused',
      reason: 'unreachable',
    });
    expect(json.clusters[0]).toMatchObject({ level: 'crit', nodes: { ready: 11, total: 12 } });
  });
});

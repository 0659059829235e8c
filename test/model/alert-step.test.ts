import { describe, expect, it } from 'vitest';
import { LOG_SIZE, nextAlerts, type Observation } from '../../src/model/alert-step.js';
import { type AlertState, EMPTY_ALERTS, type Finding, type Termination } from '../../src/model/alerts.js';
import type { Level } from '../../src/model/levels.js';

const T0 = Date.parse('2026-06-26T10:00:00Z');
const SECOND = 1000;
const target = { kind: 'node', name: 'hk-7', uid: 'u7' } as const;

/** A CPU finding at `level` (and `hold`, the clearing line), waiting `forMs` before it fires. */
const cpu = (level: Level, hold: Level = level, forMs = 30 * SECOND): Finding => ({
  key: 'node/u7|cpu',
  kind: 'cpu',
  target,
  level,
  hold,
  message: `cpu ${level}`,
  forMs,
});

const seen = (findings: Finding[], over: Partial<Observation> = {}): Observation => ({
  findings,
  unknown: () => false,
  terminations: [],
  ...over,
});

/** Steps through (seconds after T0, findings) pairs from the empty state. */
function run(steps: [number, Finding[], Partial<Observation>?][], from: AlertState = EMPTY_ALERTS): AlertState {
  return steps.reduce((state, [s, findings, over]) => nextAlerts(state, seen(findings, over), T0 + s * SECOND), from);
}

describe('nextAlerts: for:, hysteresis and the log', () => {
  it('fires only once a problem has lasted its for:, dated from when it began', () => {
    const pending = run([
      [0, [cpu('warn')]],
      [20, [cpu('warn')]],
    ]);
    expect(pending.firing).toEqual([]);
    expect(pending.pending).toEqual([{ key: 'node/u7|cpu', since: T0 }]);
    const fired = nextAlerts(pending, seen([cpu('crit')]), T0 + 30 * SECOND);
    expect(fired.firing).toMatchObject([{ key: 'node/u7|cpu', level: 'crit', since: T0 }]);
    expect(fired.log).toMatchObject([{ change: 'raised', level: 'crit', at: T0 + 30 * SECOND, durationMs: 30 * SECOND }]);
  });

  it('a flapping CPU that never stays over for 30 s never fires', () => {
    const state = run([
      [0, [cpu('warn')]],
      [15, [cpu('warn')]],
      [25, []],
      [35, [cpu('warn')]],
      [50, [cpu('warn')]],
      [60, []],
    ]);
    expect(state.firing).toEqual([]);
    expect(state.log).toEqual([]);
  });

  it('fires at once when for is 0, or when the object says it began long enough ago', () => {
    expect(run([[0, [cpu('crit', 'crit', 0)]]]).firing).toHaveLength(1);
    const condition = { ...cpu('crit', 'crit', 60 * SECOND), startedAt: T0 - 5 * 60 * SECOND };
    expect(run([[0, [condition]]]).firing).toMatchObject([{ since: T0 - 5 * 60 * SECOND }]);
  });

  it('holds its level while the figure stays within the clearing line, then clears with how long it lasted', () => {
    const state = run([
      [0, [cpu('crit', 'crit', 0)]],
      // Just under the crit line, within 2 points: still crit.
      [10, [cpu('warn', 'crit', 0)]],
      // Further under: eases to warn.
      [20, [cpu('warn', 'warn', 0)]],
      // Under the warn line but within 2 points of it: still warn.
      [30, [cpu('ok', 'warn', 0)]],
      [40, []],
    ]);
    expect(state.firing).toEqual([]);
    expect(state.log.map((t) => [t.change, t.level, (t.at - T0) / SECOND, t.durationMs])).toEqual([
      ['cleared', 'warn', 40, 40 * SECOND],
      ['better', 'warn', 20, 20 * SECOND],
      ['raised', 'crit', 0, 0],
    ]);
  });

  it('goes worse at once while firing', () => {
    const state = run([
      [0, [cpu('warn', 'warn', 0)]],
      [5, [cpu('crit', 'crit', 0)]],
    ]);
    expect(state.firing).toMatchObject([{ level: 'crit', since: T0 }]);
    expect(state.log[0]).toMatchObject({ change: 'worse', level: 'crit', durationMs: 5 * SECOND });
  });

  it('a cleared alert logs the words its finding gave, e.g. NotReady → Ready', () => {
    const notReady: Finding = {
      ...cpu('crit', 'crit', 0),
      key: 'node/u7|condition|NotReady',
      kind: 'condition',
      cleared: 'NotReady → Ready',
    };
    const state = run([
      [0, [notReady]],
      [120, []],
    ]);
    expect(state.log[0]).toMatchObject({ change: 'cleared', message: 'NotReady → Ready', durationMs: 120 * SECOND });
  });

  it('keeps an alert as it was while the snapshot cannot tell (its figure unknown)', () => {
    const state = run([
      [0, [cpu('crit', 'crit', 0)]],
      [10, [], { unknown: () => true }],
    ]);
    expect(state.firing).toMatchObject([{ level: 'crit', since: T0 }]);
    expect(state.log).toHaveLength(1);
  });

  it('logs each container termination once, at its own time, newest first', () => {
    const oom: Termination = { key: 'p1|main|1', at: T0 - 60 * SECOND, target, oom: true, message: 'main OOMKilled, 3 restarts' };
    const restart: Termination = {
      ...oom,
      key: 'p1|side|2',
      at: T0 + 5 * SECOND,
      oom: false,
      message: 'side restarted: Error (exit 1), 1 restarts',
    };
    const state = run([
      [0, [], { terminations: [oom] }],
      [10, [], { terminations: [oom, restart] }],
      [20, [], { terminations: [oom, restart] }],
    ]);
    expect(state.log.map((t) => [t.change, t.level, t.at - T0])).toEqual([
      ['restarted', 'warn', 5 * SECOND],
      ['oom-killed', 'crit', -60 * SECOND],
    ]);
  });

  it('keeps at most LOG_SIZE entries, dropping the oldest', () => {
    let state = EMPTY_ALERTS;
    for (let i = 0; i < LOG_SIZE; i++) {
      state = nextAlerts(state, seen([cpu('crit', 'crit', 0)]), T0 + 2 * i * SECOND);
      state = nextAlerts(state, seen([]), T0 + (2 * i + 1) * SECOND);
    }
    expect(state.log).toHaveLength(LOG_SIZE);
    expect(state.log[0]?.at).toBe(T0 + (2 * LOG_SIZE - 1) * SECOND);
  });

  it('is plain data: a state survives JSON', () => {
    const state = run([[0, [cpu('crit', 'crit', 0)]]]);
    expect(JSON.parse(JSON.stringify(state))).toEqual(state);
  });
});

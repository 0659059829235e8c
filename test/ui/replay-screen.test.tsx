import { describe, expect, it } from 'vitest';
import type { ReplayCommand, ReplayState } from '../../src/model/replay-state.js';
import { clock } from '../../src/ui/header-text.js';
import type { ReplayControl } from '../../src/ui/hooks/use-replay.js';
import { appScreens, lineWith, screenLines } from './app-screen.js';
import { clusterSnapshot, NOW } from './ui-fixture.js';

// kmon replay is the live screen over a recording: the recorded time is the header's clock, p
// pauses the replay rather than freezing a frame, and [ ] { } ( ) seek. The live screen leaves
// those keys free and says so.

const show = appScreens();

function player(over: Partial<ReplayState> = {}): ReplayControl & { commands: ReplayCommand[]; set(s: Partial<ReplayState>): void } {
  let state: ReplayState = {
    at: NOW,
    start: NOW - 600_000,
    end: NOW + 600_000,
    paused: false,
    ended: false,
    cutShort: false,
    epoch: 0,
    ...over,
  };
  const listeners = new Set<() => void>();
  const commands: ReplayCommand[] = [];
  return {
    commands,
    state: () => state,
    onState: (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    command: (c) => commands.push(c),
    set: (s) => {
      state = { ...state, ...s };
      for (const l of listeners) l();
    },
  };
}

describe('kmon replay on screen', () => {
  it('shows the recorded time in the header, and passes p and the seeking keys to the player', async () => {
    const replay = player();
    const screen = await show(clusterSnapshot(), { replay });
    expect(screenLines(screen)[0]).toContain(`REPLAY ${clock(NOW)}`);
    expect(screenLines(screen)[0]).not.toContain('every 5s');
    for (const key of ['[', ']', '{', '}', '(', ')', 'p']) await screen.press(key);
    expect(replay.commands).toEqual(['back', 'forward', 'back-far', 'forward-far', 'start', 'end', 'pause']);
    // p paused the player, not the frame: nothing froze.
    expect(screenLines(screen)[0]).not.toContain('PAUSED');
    replay.set({ paused: true });
    await screen.settle();
    expect(screenLines(screen)[0]).toContain('PAUSED');
    expect(lineWith(screen, '±1m')).toMatch(/\[ \] ±1m/);
  });

  it('says when the recording ends, and when it was cut short', async () => {
    const screen = await show(clusterSnapshot(), { replay: player({ ended: true, paused: true, cutShort: true }) });
    expect(screenLines(screen)[0]).toMatch(/REPLAY \d\d:\d\d:\d\d END · cut short/);
    expect(screenLines(screen)[0]).not.toContain('PAUSED');
  });

  it('the help lists the seeking keys in a replay, and the live screen’s leaves them out', async () => {
    const replayed = await show(clusterSnapshot(), { replay: player(), rows: 60 });
    await replayed.press('?');
    expect(lineWith(replayed, 'replay: back ten minutes')).toMatch(/\{\s+replay: back ten minutes/);
    const live = await show(clusterSnapshot(), { rows: 60 });
    await live.press('?');
    expect(lineWith(live, 'replay: back ten minutes')).toBe('');
  });

  it('on the live screen, a seeking key says it is kmon replay’s', async () => {
    const screen = await show(clusterSnapshot());
    await screen.press('[');
    expect(lineWith(screen, 'only in kmon replay')).toContain('[: back one minute, only in kmon replay');
  });
});

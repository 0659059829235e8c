// The live screen rendered for a test, unmounted after each test: a source of snapshots, a size,
// and the colour and glyph settings a terminal would give it.
import { afterEach } from 'vitest';
import type { Snapshot } from '../../src/model/snapshot.js';
import { DEFAULT_THRESHOLDS } from '../../src/model/thresholds.js';
import { App } from '../../src/ui/components/App.js';
import type { ReplayControl } from '../../src/ui/hooks/use-replay.js';
import type { SnapshotSource } from '../../src/ui/hooks/use-snapshot.js';
import { makeTheme } from '../../src/ui/theme.js';
import { plain, renderAt } from '../helpers/render.js';
import { PushSource } from './ui-fixture.js';

export type Screen = ReturnType<typeof renderAt>;

export interface ScreenOptions {
  readonly columns?: number;
  readonly rows?: number;
  readonly color?: boolean;
  readonly ascii?: boolean;
  readonly namespace?: string | null;
  /** What Ctrl-Z calls to hand the terminal back to the shell. */
  readonly suspend?: () => Promise<void>;
  /** kmon replay's player. */
  readonly replay?: ReplayControl;
}

/** A function that draws the App at a size; every screen it draws is unmounted after each test. */
export function appScreens(): (source: SnapshotSource | Snapshot, options?: ScreenOptions) => Promise<Screen> {
  let shown: Screen[] = [];
  afterEach(() => {
    for (const screen of shown) screen.unmount();
    shown = [];
  });
  return async (source, options = {}) => {
    const from = 'subscribe' in source ? source : new PushSource(source);
    const theme = makeTheme({ color: options.color ?? true, ascii: options.ascii ?? false });
    const screen = renderAt(
      <App
        source={from}
        thresholds={DEFAULT_THRESHOLDS}
        theme={theme}
        namespace={options.namespace ?? null}
        suspend={options.suspend}
        replay={options.replay}
      />,
      options.columns ?? 120,
      options.rows ?? 32,
    );
    shown.push(screen);
    await screen.settle();
    return screen;
  };
}

/** The lines of the last frame, without colour codes. */
export function screenLines(screen: Screen): string[] {
  return plain(screen.lastFrame()).split('\n');
}

/** The table row of the last frame whose first cell is `name`, without colour codes ('' if none). */
export function rowOf(screen: Screen, name: string): string {
  return screenLines(screen).find((l) => l.trimStart().split(/\s+/)[0] === name) ?? '';
}

/** The first line of the last frame that mentions `text`, without colour codes ('' if none). */
export function lineWith(screen: Screen, text: string): string {
  return screenLines(screen).find((l) => l.includes(text)) ?? '';
}

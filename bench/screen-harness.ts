// The live screen mounted on a fake terminal (120×32 unless told), fed by a real collector, with
// every frame's render time recorded, and keys pressed as a user would press them.
import { EventEmitter } from 'node:events';
import { render } from 'ink';
import { createElement } from 'react';
import type { Thresholds } from '../src/model/thresholds.js';
import { App } from '../src/ui/components/App.js';
import type { SnapshotSource } from '../src/ui/hooks/use-snapshot.js';
import { makeTheme } from '../src/ui/theme.js';
import { FakeStdin } from '../test/helpers/fake-stdin.js';

export class Terminal extends EventEmitter {
  readonly isTTY = true;
  constructor(
    readonly columns: number,
    readonly rows: number,
  ) {
    super();
  }
  write(): boolean {
    return true;
  }
}

export interface ScreenOptions {
  readonly columns?: number;
  readonly rows?: number;
  /** Ink's frame cap: the live face's own (15) to measure it idle, high to time keys. */
  readonly maxFps?: number;
}

export interface Screen {
  /** Render time of every frame so far, in ms. */
  readonly frames: number[];
  /** Presses a key and resolves with the render time of the frame it caused. */
  press(key: string): Promise<number>;
  unmount(): void;
}

export function mountScreen(
  source: SnapshotSource,
  thresholds: Thresholds,
  onVisibleNodes?: (names: readonly string[]) => void,
  options: ScreenOptions = {},
): Screen {
  const { columns = 120, rows = 32, maxFps = 1000 } = options;
  const frames: number[] = [];
  let waiting: ((ms: number) => void) | null = null;
  const keyboard = new FakeStdin();
  const theme = makeTheme({ color: true, ascii: false });
  const app = render(createElement(App, { source, thresholds, theme, namespace: null, onVisibleNodes }), {
    stdout: new Terminal(columns, rows) as unknown as NodeJS.WriteStream,
    stdin: keyboard as unknown as NodeJS.ReadStream,
    stderr: new Terminal(columns, rows) as unknown as NodeJS.WriteStream,
    exitOnCtrlC: false,
    patchConsole: false,
    maxFps,
    onRender: ({ renderTime }) => {
      frames.push(renderTime);
      waiting?.(renderTime);
      waiting = null;
    },
  });
  return {
    frames,
    press: (key) =>
      new Promise<number>((resolve) => {
        const started = performance.now();
        waiting = () => resolve(performance.now() - started);
        keyboard.write(key);
      }),
    unmount: () => app.unmount(),
  };
}

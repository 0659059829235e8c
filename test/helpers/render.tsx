// The one render helper for Ink tests: a fake terminal of a pinned size (resizable), frames read
// back as text, and keys written as a terminal would send them.
import { EventEmitter } from 'node:events';
import { render as inkRender } from 'ink';
import type { ReactElement } from 'react';
import { FakeStdin } from './fake-stdin.js';

class FakeStdout extends EventEmitter {
  readonly isTTY = true;
  frames: string[] = [];
  constructor(
    public columns: number,
    public rows: number,
  ) {
    super();
  }
  write = (frame: string) => {
    this.frames.push(frame);
    this.emit('frame', frame);
    return true;
  };
}

export const KEYS = {
  up: '\u001B[A',
  down: '\u001B[B',
  pageDown: '\u001B[6~',
  pageUp: '\u001B[5~',
  enter: '\r',
  escape: '\u001B',
  tab: '\t',
  backspace: '\u007F',
} as const;

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

export function renderAt(tree: ReactElement, columns: number, rows: number) {
  const stdout = new FakeStdout(columns, rows);
  const stdin = new FakeStdin();
  const instance = inkRender(tree, {
    stdout: stdout as unknown as NodeJS.WriteStream,
    stdin: stdin as unknown as NodeJS.ReadStream,
    stderr: new FakeStdout(columns, rows) as unknown as NodeJS.WriteStream,
    debug: true,
    exitOnCtrlC: false,
    patchConsole: false,
  });
  return {
    lastFrame: () => stdout.frames.at(-1) ?? '',
    /** Sends keys one at a time, letting Ink and React settle after each. */
    async press(...keys: string[]) {
      for (const key of keys) {
        stdin.write(key);
        await tick();
        await tick();
      }
    },
    /**
     * Sends a key in the turn of the event loop right after the first frame that passes `test` is
     * written, as a user who hits a key the moment the screen shows it: before React's effects run.
     */
    keyAtFrame(key: string, test: (frame: string) => boolean): Promise<void> {
      return new Promise((resolve) => {
        const onFrame = (frame: string) => {
          if (!test(frame)) return;
          stdout.off('frame', onFrame);
          setImmediate(() => {
            stdin.write(key);
            resolve();
          });
        };
        stdout.on('frame', onFrame);
      });
    },
    /** Sends keys back to back without letting React render in between, as a fast typist might. */
    async typeFast(...keys: string[]) {
      for (const key of keys) stdin.write(key);
      await tick();
      await tick();
    },
    async resize(newColumns: number, newRows: number) {
      stdout.columns = newColumns;
      stdout.rows = newRows;
      stdout.emit('resize');
      await tick();
      await tick();
    },
    settle: async () => {
      await tick();
      await tick();
    },
    rerender: instance.rerender,
    unmount: () => instance.unmount(),
    waitUntilExit: () => instance.waitUntilExit(),
  };
}

const ANSI = /\u001B\[[0-9;]*m/g;

export function plain(frame: string): string {
  return frame.replace(ANSI, '');
}

// The one render helper for Ink tests: ink-testing-library's render on a terminal of a pinned size
// (resizable), frames read back as text, and keys written as a terminal would send them. Colour is
// pinned too: vitest.config.ts sets FORCE_COLOR=1, so cells carry their SGR codes.
import { render } from 'ink-testing-library';
import { type ReactElement, type ReactNode, useEffect } from 'react';

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

/** Calls onUnmount when Ink takes the tree down: on unmount, or when the app exits (q). */
function Mounted({ onUnmount, children }: { readonly onUnmount: () => void; readonly children: ReactNode }) {
  useEffect(() => onUnmount, [onUnmount]);
  return children;
}

export function renderAt(tree: ReactElement, columns: number, rows: number) {
  let exited: () => void = () => {};
  const exit = new Promise<void>((resolve) => {
    exited = resolve;
  });
  const mounted = (node: ReactNode) => <Mounted onUnmount={exited}>{node}</Mounted>;
  // ink-testing-library's terminal is 100 columns wide and has no height. It is first drawn empty,
  // then given the size asked for, so the tree's first frame is already at that size.
  const instance = render(mounted(null));
  const { stdout, stdin } = instance;
  const size = { columns, rows };
  Object.defineProperty(stdout, 'columns', { get: () => size.columns, configurable: true });
  Object.defineProperty(stdout, 'rows', { get: () => size.rows, configurable: true });
  // Each frame is also announced, for keyAtFrame.
  const write = stdout.write;
  stdout.write = (frame: string) => {
    write(frame);
    stdout.emit('frame', frame);
  };
  instance.rerender(mounted(tree));

  return {
    lastFrame: () => instance.lastFrame() ?? '',
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
      size.columns = newColumns;
      size.rows = newRows;
      stdout.emit('resize');
      await tick();
      await tick();
    },
    settle: async () => {
      await tick();
      await tick();
    },
    rerender: (node: ReactElement) => instance.rerender(mounted(node)),
    unmount: () => instance.unmount(),
    /** Resolves once the app has exited (or been unmounted). */
    waitUntilExit: () => exit,
  };
}

const ANSI = /\u001B\[[0-9;]*m/g;

export function plain(frame: string): string {
  return frame.replace(ANSI, '');
}

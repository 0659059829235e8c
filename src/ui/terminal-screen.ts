// The alternate screen and the cursor are restored on every way out: q, Ctrl-C, SIGTERM, SIGHUP
// and a crash. Writes are idempotent so overlapping exits cannot leave the terminal half-restored.

const ENTER_ALT = '\x1b[?1049h\x1b[H';
const LEAVE_ALT = '\x1b[?1049l';
const SHOW_CURSOR = '\x1b[?25h';
const HIDE_CURSOR = '\x1b[?25l';

export interface Screen {
  restore(): void;
  /** Hands the terminal to the shell for a while (Ctrl-Z): the normal screen, the cursor shown. */
  lend(): void;
  /** Takes it back after `fg`: the alternate screen, cleared, the cursor hidden. */
  reclaim(): void;
}

export function takeScreen(stdout: NodeJS.WriteStream, alternate: boolean): Screen {
  let restored = false;
  if (alternate) stdout.write(ENTER_ALT);
  const restore = () => {
    if (restored) return;
    restored = true;
    stdout.write(`${alternate ? LEAVE_ALT : ''}${SHOW_CURSOR}`);
  };
  process.once('exit', restore);
  return {
    restore,
    lend: () => stdout.write(`${alternate ? LEAVE_ALT : ''}${SHOW_CURSOR}`),
    reclaim: () => stdout.write(`${alternate ? ENTER_ALT : ''}${HIDE_CURSOR}`),
  };
}

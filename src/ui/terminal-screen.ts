// The alternate screen and the cursor are restored on every way out: q, Ctrl-C, SIGTERM, SIGHUP
// and a crash. Writes are idempotent so overlapping exits cannot leave the terminal half-restored.

const ENTER_ALT = '\x1b[?1049h\x1b[H';
const LEAVE_ALT = '\x1b[?1049l';
const SHOW_CURSOR = '\x1b[?25h';

export interface Screen {
  restore(): void;
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
  return { restore };
}

import type { Screen } from './terminal-screen.js';

/** Resolves once everything written to `out` so far has reached the terminal. */
function flushed(out: NodeJS.WriteStream): Promise<void> {
  return new Promise((resolve) => (out.writableLength === 0 ? resolve() : out.write('', () => resolve())));
}

/**
 * Ctrl-Z as vim and less do it: the terminal back in its normal state (screen, cursor, line
 * discipline), the process stopped by SIGTSTP, and the terminal taken back once it runs again.
 * Raw mode is why the terminal does not send SIGTSTP itself: kmon reads Ctrl-Z as a key.
 *
 * A terminal slow to read (tmux under load) can leave a frame queued in the stream: the process
 * stops only once the way back to the normal screen has reached the terminal, or the shell would
 * print over kmon's screen. A signal a process sends itself is delivered before kill() returns
 * (POSIX), so when it returns kmon has been stopped and continued by `fg`, or was never stopped,
 * in a shell without job control, whose orphaned process group the kernel will not stop. Either
 * way it is in front again and takes the terminal back at once.
 */
export function suspender(screen: Screen, stdin: NodeJS.ReadStream, stdout: NodeJS.WriteStream): () => Promise<void> {
  return async () => {
    await flushed(stdout);
    screen.lend();
    stdin.setRawMode?.(false);
    await flushed(stdout);
    process.kill(process.pid, 'SIGTSTP');
    stdin.setRawMode?.(true);
    screen.reclaim();
  };
}

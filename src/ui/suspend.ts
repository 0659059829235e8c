import type { Screen } from './terminal-screen.js';

/**
 * Ctrl-Z as vim and less do it: the terminal back in its normal state (screen, cursor, line
 * discipline), the process stopped by SIGTSTP, and the terminal taken back once it runs again.
 * Raw mode is why the terminal does not send SIGTSTP itself: kmon reads Ctrl-Z as a key.
 *
 * A signal a process sends itself is delivered before kill() returns (POSIX), so when it returns
 * kmon has been stopped and continued by `fg` — or was never stopped, in a shell without job
 * control, whose orphaned process group the kernel will not stop. Either way it is in front
 * again, and taking the terminal back at once leaves no moment for a frame to land on the shell's
 * screen.
 */
export function suspender(screen: Screen, stdin: NodeJS.ReadStream): () => Promise<void> {
  return async () => {
    screen.lend();
    stdin.setRawMode?.(false);
    process.kill(process.pid, 'SIGTSTP');
    stdin.setRawMode?.(true);
    screen.reclaim();
  };
}

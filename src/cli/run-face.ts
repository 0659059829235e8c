import { UsageError } from './usage-error.js';

// Every way out of kmon ends here: faces return an exit status, input mistakes become one line and
// status 2, and anything unexpected one line and status 1, never a stack trace (KMON_DEBUG=1 shows it).

export function oneLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/^error: /, '').split('\n')[0] ?? 'unknown error';
}

// `kmon top | head` closes the pipe early: the reader has what it wanted, as with SIGPIPE.
function closedPipe(error: NodeJS.ErrnoException): void {
  if (error.code === 'EPIPE') process.exit(0);
  crash(error);
}

function crash(error: unknown): void {
  process.stderr.write(`kmon: internal error: ${oneLine(error)}\n`);
  if (process.env.KMON_DEBUG) console.error(error);
  process.exit(1);
}

/** The exit status for an error that ended a face, once it is said in one line. */
export function failure(error: unknown): number {
  process.stderr.write(`kmon: ${oneLine(error)}\n`);
  if (process.env.KMON_DEBUG) console.error(error);
  return error instanceof UsageError ? 2 : 1;
}

/** Runs a face (arguments already read) and sets the process's exit status from it. */
export async function runFace(face: () => Promise<number>): Promise<void> {
  process.on('uncaughtException', crash);
  process.on('unhandledRejection', crash);
  process.stdout.on('error', closedPipe);
  process.exitCode = await face().catch(failure);
  // Normally nothing is left running; if something still holds the event loop (a socket in a
  // half-closed state), the exit status must not wait on it.
  setTimeout(() => process.exit(), 2_000).unref();
}

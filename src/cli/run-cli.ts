import { type Command, CommanderError } from 'commander';
import type { Action } from './program.js';
import { UsageError } from './usage-error.js';

// Every way out of kmon ends here: faces return an exit status, input mistakes become one line and
// status 2, and anything unexpected one line and status 1, never a stack trace (KMON_DEBUG=1 shows it).

function oneLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/^error: /, '').split('\n')[0] ?? 'unknown error';
}

function crash(error: unknown): void {
  process.stderr.write(`kmon: internal error: ${oneLine(error)}\n`);
  if (process.env.KMON_DEBUG) console.error(error);
  process.exit(1);
}

async function run(build: (run: (action: Action) => void) => Command, argv: readonly string[]): Promise<number> {
  let action: Action | null = null;
  const program = build((a) => {
    action = a;
  });
  const quiet = (command: Command): void => {
    command.exitOverride().configureOutput({ outputError: () => {} });
    command.commands.forEach(quiet);
  };
  quiet(program);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return action ? await (action as Action)() : 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.exitCode === 0) return 0;
      // A command that needs a subcommand (`kmon top`) has printed its help, which says what to add.
      if (error.code === 'commander.help') return 2;
      process.stderr.write(`kmon: ${oneLine(error)} (see kmon --help)\n`);
      return 2;
    }
    process.stderr.write(`kmon: ${oneLine(error)}\n`);
    if (process.env.KMON_DEBUG) console.error(error);
    return error instanceof UsageError ? 2 : 1;
  }
}

/** Parses argv with the program `build` makes, runs the chosen face, and sets the exit status. */
export async function runCli(build: (run: (action: Action) => void) => Command): Promise<void> {
  process.on('uncaughtException', crash);
  process.on('unhandledRejection', crash);
  process.exitCode = await run(build, process.argv.slice(2));
  // Normally nothing is left running; if something still holds the event loop (a socket in a
  // half-closed state), the exit status must not wait on it.
  setTimeout(() => process.exit(), 2_000).unref();
}

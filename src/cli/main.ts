import { type Command, CommanderError } from 'commander';
import { type Action, buildProgram } from './program.js';
import { UsageError } from './usage-error.js';

// Every way out of kmon ends here: faces return an exit status, input mistakes become one line and
// status 2, and anything unexpected one line and status 1, never a stack trace.

function oneLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/^error: /, '').split('\n')[0] ?? 'unknown error';
}

async function main(argv: readonly string[]): Promise<number> {
  let action: Action | null = null;
  const program = buildProgram((a) => {
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
      process.stderr.write(`kmon: ${oneLine(error)} (see kmon --help)\n`);
      return 2;
    }
    if (error instanceof UsageError) {
      process.stderr.write(`kmon: ${oneLine(error)}\n`);
      return 2;
    }
    process.stderr.write(`kmon: ${oneLine(error)}\n`);
    if (process.env.KMON_DEBUG) console.error(error);
    return 1;
  }
}

function crash(error: unknown): void {
  process.stderr.write(`kmon: internal error: ${oneLine(error)}\n`);
  if (process.env.KMON_DEBUG) console.error(error);
  process.exit(1);
}

process.on('uncaughtException', crash);
process.on('unhandledRejection', crash);
process.exitCode = await main(process.argv.slice(2));
// Normally nothing is left running; if something still holds the event loop (a socket in a
// half-closed state), the exit status must not wait on it.
setTimeout(() => process.exit(), 2_000).unref();

import { type Command, CommanderError } from 'commander';
import type { Action } from './action.js';
import { checkUnknown } from './check-exit.js';
import { failure, oneLine, runFace } from './run-face.js';

/** The subcommand named on the command line, skipping the program's options and their values. */
function commandOf(program: Command, argv: readonly string[]): string | null {
  const takesValue = new Set(program.options.filter((o) => o.required || o.optional).flatMap((o) => [o.long, o.short]));
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (!arg.startsWith('-')) return arg;
    if (!arg.includes('=') && takesValue.has(arg)) i++;
  }
  return null;
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
      // `kmon check` answers bad input as a monitoring plugin does, whichever option it was.
      if (commandOf(program, argv) === 'check') return checkUnknown(`bad input: ${oneLine(error)} (see kmon check --help)`);
      // A command that needs a subcommand (`kmon top`) has printed its help, which says what to add.
      if (error.code === 'commander.help') return 2;
      process.stderr.write(`kmon: ${oneLine(error)} (see kmon --help)\n`);
      return 2;
    }
    return failure(error);
  }
}

/** Parses argv with the program `build` makes, runs the chosen face, and sets the exit status. */
export function runCli(build: (run: (action: Action) => void) => Command): Promise<void> {
  return runFace(() => run(build, process.argv.slice(2)));
}

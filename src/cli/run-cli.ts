import { type Command, CommanderError } from 'commander';
import type { Action } from './action.js';
import { failure, oneLine, runFace } from './run-face.js';

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
    return failure(error);
  }
}

/** Parses argv with the program `build` makes, runs the chosen face, and sets the exit status. */
export function runCli(build: (run: (action: Action) => void) => Command): Promise<void> {
  return runFace(() => run(build, process.argv.slice(2)));
}

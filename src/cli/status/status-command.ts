import { Command } from 'commander';
import type { Action } from '../action.js';
import { STATUS_FLAGS } from '../flag-table.js';
import { addFlags } from '../options.js';
import type { StatusFlags } from './run-status.js';

export function statusCommand(run: (action: Action) => void): Command {
  return addFlags(
    new Command('status').description('one line for a tmux status bar: ready nodes, CPU, memory and the worst problems'),
    STATUS_FLAGS,
  ).action((_options, cmd: Command) =>
    run(async () => {
      const { runStatus } = await import('./run-status.js');
      return runStatus(cmd.optsWithGlobals<StatusFlags>());
    }),
  );
}

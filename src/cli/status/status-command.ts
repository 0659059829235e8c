import { Command, Option } from 'commander';
import type { Action } from '../action.js';
import { parseDuration, parsePositiveInt } from '../commander-values.js';
import type { StatusFlags } from './run-status.js';

export function statusCommand(run: (action: Action) => void): Command {
  return new Command('status')
    .description('one line for a tmux status bar: ready nodes, CPU, memory and the worst problems')
    .addOption(
      new Option('--format <format>', 'tmux (default inside tmux), ansi, plain or json').choices(['tmux', 'ansi', 'plain', 'json']),
    )
    .addOption(new Option('--max-width <n>', 'longest line to print, in columns').default(80).argParser(parsePositiveInt))
    .addOption(
      new Option('--timeout <duration>', 'longest wait for the cluster before printing the last known line')
        .default(2_000, '2s')
        .argParser(parseDuration),
    )
    .option('--ascii', 'ASCII glyphs only')
    .option('--no-color', 'no colour codes, in any format (also when NO_COLOR is set); glyphs still mark alerts')
    .option('--cached', 'print the last known line without asking the cluster')
    .option('--refresh-disk', "read every node's kubelet for disk figures now (slow)")
    .addOption(new Option('--watch <duration>', 'keep refreshing and write ready-made lines for tmux to cat').argParser(parseDuration))
    .action((_options, cmd: Command) =>
      run(async () => {
        const { runStatus } = await import('./run-status.js');
        return runStatus(cmd.optsWithGlobals<StatusFlags>());
      }),
    );
}

import { Command, Option } from 'commander';
import { parsePositiveInt, parseWholeSeconds } from './commander-values.js';
import { addClusterOptions, addDisplayOptions, addThresholdOptions } from './options.js';
import type { TopFlags } from './run-top.js';
import { statusCommand } from './status/status-command.js';

/** What an action asks main to do once parsing is over: faces return their exit status. */
export type Action = () => Promise<number>;

function topCommand(kind: 'nodes' | 'pods', run: (action: Action) => void): Command {
  const command = new Command(kind)
    .description(
      kind === 'nodes' ? 'CPU, memory and disk of each node, like kubectl top nodes' : 'CPU and memory of pods, like kubectl top pods',
    )
    .addOption(new Option('-o, --output <format>', 'table, wide or json').choices(['table', 'wide', 'json']).default('table'))
    .addOption(
      new Option('--sort-by <column>', 'sort by').choices(kind === 'nodes' ? ['cpu', 'memory', 'disk', 'name'] : ['cpu', 'memory', 'name']),
    )
    .option('--no-headers', 'omit the header line')
    .option('--ascii', 'ASCII glyphs only');
  if (kind === 'pods') command.option('--containers', 'one line per container').option('--sum', 'print the sum of the usage');
  return command.action((_options, cmd: Command) =>
    run(async () => {
      const { runTop } = await import('./run-top.js');
      const result = await runTop(kind, cmd.optsWithGlobals<TopFlags>());
      process.stdout.write(result.stdout);
      for (const line of result.stderr) process.stderr.write(`${line}\n`);
      return result.exitCode;
    }),
  );
}

interface SimFlags {
  readonly nodes: number;
  readonly podsPerNode: number;
  readonly seed: number;
  readonly port?: number;
  readonly metricResolution: number;
}

function simCommand(run: (action: Action) => void): Command {
  return new Command('sim')
    .description('run the simulated cluster on its own and print a kubeconfig for it')
    .addOption(new Option('--nodes <n>', 'nodes').default(6).argParser(parsePositiveInt))
    .addOption(new Option('--pods-per-node <n>', 'pods per node').default(8).argParser(parsePositiveInt))
    .addOption(new Option('--seed <n>', 'seed for the simulated values').default(1).argParser(parsePositiveInt))
    .addOption(new Option('--port <n>', 'port (default: any free port)').argParser(parsePositiveInt))
    .addOption(
      new Option('--metric-resolution <duration>', "how often its metrics-server scrapes, as metrics-server's own flag")
        .default(15_000, '15s')
        .argParser(parseWholeSeconds),
    )
    .action(({ metricResolution, ...options }: SimFlags) =>
      run(async () => {
        const { runSimFace } = await import('./run-sim.js');
        return runSimFace({ ...options, metricResolutionMs: metricResolution });
      }),
    );
}

function liveAction(demo: boolean, run: (action: Action) => void) {
  return (_options: unknown, cmd: Command) =>
    run(async () => {
      const { runLive } = await import('./run-live.js');
      return runLive(cmd.optsWithGlobals(), { demo });
    });
}

export function buildProgram(run: (action: Action) => void): Command {
  const program = addDisplayOptions(addThresholdOptions(addClusterOptions(new Command('kmon'))))
    .description('Live Kubernetes monitor for the terminal: nodes and pods, CPU, memory and disk')
    .version(process.env.KMON_VERSION ?? '0.1.0')
    .action(liveAction(false, run));
  program.command('demo').description('the live screen against the built-in simulated cluster').action(liveAction(true, run));
  const top = program.command('top').description('print node or pod usage once, like kubectl top');
  top.addCommand(topCommand('nodes', run)).addCommand(topCommand('pods', run));
  program.addCommand(statusCommand(run));
  program
    .command('check')
    .description('exit 0, 1 or 2 for ok, warn or crit, with a one-line reason (3: cluster unreachable)')
    .addOption(new Option('-o, --output <format>', 'text (one line) or json (every alert)').choices(['text', 'json']).default('text'))
    .action((_options, cmd: Command) =>
      run(async () => {
        const { runCheck } = await import('./run-check.js');
        const { line, exitCode } = await runCheck(cmd.optsWithGlobals());
        process.stdout.write(`${line}\n`);
        return exitCode;
      }),
    );
  program.addCommand(simCommand(run));
  return program;
}

import { Command, Option } from 'commander';
import type { Action } from './action.js';
import { parsePositiveInt, parseWholeSeconds } from './commander-values.js';
import { RECORD_FLAGS, TOP_NODE_FLAGS, TOP_POD_FLAGS } from './flag-table.js';
import { addClusterOptions, addDisplayOptions, addFlags, addHistoryOptions, addThresholdOptions } from './options.js';
import type { RecordFlags } from './record/run-record.js';
import type { ReplayFlags } from './record/run-replay.js';
import type { CheckFlags } from './run-check.js';
import type { TopFlags } from './run-top.js';
import { statusCommand } from './status/status-command.js';
import { UsageError } from './usage-error.js';

function topCommand(kind: 'nodes' | 'pods', run: (action: Action) => void): Command {
  const command = new Command(kind)
    // kubectl's names for them: top node, top no, top pod, top po.
    .aliases(kind === 'nodes' ? ['node', 'no'] : ['pod', 'po'])
    .argument('[name]', kind === 'nodes' ? 'only this node' : 'only this pod (in the namespace of -n)')
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
  addFlags(command, kind === 'pods' ? TOP_POD_FLAGS : TOP_NODE_FLAGS);
  return command.action((name: string | undefined, _options, cmd: Command) =>
    run(async () => {
      const { runTop } = await import('./run-top.js');
      const result = await runTop(kind, { ...cmd.optsWithGlobals<TopFlags>(), name });
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
  readonly faults?: string;
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
    .option('--faults <json>', 'misbehave from the start, e.g. \'{"watchAsList":["watch pods"],"resetEveryNth":{"n":3,"kinds":"all"}}\'')
    .action(({ metricResolution, faults, ...options }: SimFlags) =>
      run(async () => {
        const { runSimFace } = await import('./run-sim.js');
        return runSimFace({ ...options, metricResolutionMs: metricResolution }, faults);
      }),
    );
}

function liveAction(demo: boolean, run: (action: Action) => void) {
  return (_options: unknown, cmd: Command) => {
    // The live screen takes no arguments: a word here is a command kmon does not have.
    const [word] = cmd.args;
    if (word !== undefined) {
      const known = cmd.commands.map((c) => c.name()).join(', ');
      throw new UsageError(`unknown command '${word}' (commands: ${known}; see kmon --help)`);
    }
    run(async () => {
      const { runLive } = await import('./run-live.js');
      return runLive(cmd.optsWithGlobals(), { demo });
    });
  };
}

export function buildProgram(run: (action: Action) => void): Command {
  const program = addHistoryOptions(addDisplayOptions(addThresholdOptions(addClusterOptions(new Command('kmon')))))
    .description('Live Kubernetes monitor for the terminal: nodes and pods, CPU, memory and disk')
    .version(process.env.KMON_VERSION ?? '0.1.0')
    .allowExcessArguments()
    .action(liveAction(false, run));
  program.command('demo').description('the live screen against the built-in simulated cluster').action(liveAction(true, run));
  const top = program.command('top').description('print node or pod usage once, like kubectl top');
  top.addCommand(topCommand('nodes', run)).addCommand(topCommand('pods', run));
  program.addCommand(statusCommand(run));
  program
    .command('check')
    .description('one line and the exit status of a monitoring plugin: 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN')
    .addOption(new Option('-o, --output <format>', 'text (one line) or json (every alert)').choices(['text', 'json']).default('text'))
    .action((_options, cmd: Command) =>
      run(async () => {
        const { runChecks } = await import('./run-fleet-check.js');
        const { checkFailure } = await import('./check-exit.js');
        const flags = cmd.optsWithGlobals<CheckFlags>();
        try {
          const { line, exitCode } = await runChecks(flags);
          process.stdout.write(`${line}\n`);
          return exitCode;
        } catch (error) {
          return checkFailure(error, flags.output === 'json');
        }
      }),
    );
  addFlags(program.command('record'), RECORD_FLAGS)
    .description('record, headless, what the live screen would show, for kmon replay')
    .action((_options, cmd: Command) =>
      run(async () => {
        const { runRecord } = await import('./record/run-record.js');
        return runRecord(cmd.optsWithGlobals<RecordFlags>());
      }),
    );
  program
    .command('replay')
    .argument('<file>', 'a recording made by kmon record or kmon --record')
    .description('the live screen over a recording: p pauses, [ ] seek a minute, { } ten, ( ) to the start or end')
    .action((file: string, _options, cmd: Command) =>
      run(async () => {
        const { runReplay } = await import('./record/run-replay.js');
        return runReplay(file, cmd.optsWithGlobals<ReplayFlags>());
      }),
    );
  program.addCommand(simCommand(run));
  // Every command's help lists every flag it takes, the shared ones (cluster, thresholds) too.
  const everyCommand = (command: Command): Command[] => [command, ...command.commands.flatMap(everyCommand)];
  for (const command of everyCommand(program)) command.configureHelp({ showGlobalOptions: true });
  return program;
}

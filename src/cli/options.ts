import { type Command, Option } from 'commander';
import { parseDuration, parsePercent, parsePositiveInt } from './commander-values.js';

/** Flags every face shares: which cluster, how to reach it, and how hard to lean on it. */
export function addClusterOptions(command: Command): Command {
  return command
    .option('--kubeconfig <file>', 'kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)')
    .option('--context <name>', 'kubeconfig context (default: current-context)')
    .option('-n, --namespace <ns>', 'only this namespace')
    .option('-A, --all-namespaces', 'all namespaces')
    .option('-l, --selector <selector>', 'label selector, e.g. app=web,tier!=db')
    .addOption(
      new Option('--request-timeout <duration>', 'timeout for each apiserver request').default(10_000, '10s').argParser(parseDuration),
    )
    .option('--no-kubelet', 'never read kubelets through nodes/proxy (disk shows as unknown)')
    .addOption(new Option('--kubelet-qps <n>', 'kubelet reads per second through the apiserver').default(20).argParser(parsePositiveInt))
    .addOption(
      new Option('--kubelet-burst <n>', 'kubelet reads allowed in a burst above the rate').default(100).argParser(parsePositiveInt),
    )
    .addOption(new Option('--kubelet-concurrency <n>', 'kubelet reads in flight at once').default(8).argParser(parsePositiveInt))
    .addOption(new Option('--kubelet-timeout <duration>', 'timeout for one kubelet read').default(4_000, '4s').argParser(parseDuration))
    .addOption(new Option('--log <file>', 'write a debug log of requests (method, path, status, time) to FILE').env('KMON_LOG'));
}

const percent = (flag: string, what: string, fallback: string) =>
  new Option(`${flag} <pct>`, `${what} (default ${fallback})`).argParser(parsePercent);

/** Alert thresholds; unset flags fall back to the config file, then to the built-in defaults. */
export function addThresholdOptions(command: Command): Command {
  return command
    .option('--config <file>', 'config file (default: ~/.config/kmon/config.yaml)')
    .addOption(percent('--cpu-warn', 'CPU % that warns', '70'))
    .addOption(percent('--cpu-crit', 'CPU % that is critical', '90'))
    .addOption(percent('--mem-warn', 'memory % that warns', '80'))
    .addOption(percent('--mem-crit', 'memory % that is critical', '90'))
    .addOption(percent('--disk-warn', 'disk % that warns', '80'))
    .addOption(percent('--disk-crit', 'disk % that is critical', '90'));
}

export function addDisplayOptions(command: Command): Command {
  return command
    .addOption(
      new Option('--interval <duration>', 'time between polls (default 5s, or interval in the config file)').argParser(parseDuration),
    )
    .option('--ascii', 'ASCII only: no block or box-drawing characters')
    .option('--no-color', 'no colour (also when NO_COLOR is set); glyphs still mark alerts')
    .option('--no-alt-screen', 'draw in the normal screen buffer and leave the last frame behind');
}

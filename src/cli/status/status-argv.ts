import { parseArgs } from 'node:util';
import { parseDuration, parsePercent, parsePositiveInt } from '../parse-values.js';
import type { StatusFlags } from './run-status.js';

// tmux runs `kmon status` every few seconds, and commander with what it loads is a good part of
// that start. This reads the usual command line, known flags with valid values, without it. For
// anything else (--help, an unknown flag, a bad value) it answers null, and the full program, whose
// commander reads `kmon status` too, says what is wrong. The flags and defaults below are those of
// options.ts and status-command.ts; test/cli/status-argv.test.ts holds the two readers to the same
// results.

const STRING = { type: 'string' } as const;
const BOOLEAN = { type: 'boolean' } as const;

const FLAGS = {
  // Cluster flags (options.ts: addClusterOptions).
  kubeconfig: STRING,
  context: STRING,
  namespace: { ...STRING, short: 'n' },
  'all-namespaces': { ...BOOLEAN, short: 'A' },
  selector: { ...STRING, short: 'l' },
  'request-timeout': STRING,
  'no-kubelet': BOOLEAN,
  'kubelet-qps': STRING,
  'kubelet-burst': STRING,
  'kubelet-concurrency': STRING,
  'kubelet-timeout': STRING,
  log: STRING,
  // Threshold flags (options.ts: addThresholdOptions).
  config: STRING,
  'cpu-warn': STRING,
  'cpu-crit': STRING,
  'mem-warn': STRING,
  'mem-crit': STRING,
  'disk-warn': STRING,
  'disk-crit': STRING,
  // status-command.ts.
  format: STRING,
  'max-width': STRING,
  timeout: STRING,
  ascii: BOOLEAN,
  'no-color': BOOLEAN,
  cached: BOOLEAN,
  'refresh-disk': BOOLEAN,
  watch: STRING,
} as const;

/** The long flags read here, for the test that compares them with commander's. */
export const STATUS_FLAG_NAMES: readonly string[] = Object.keys(FLAGS).map((name) => `--${name}`);

const FORMATS = ['tmux', 'ansi', 'plain', 'json'] as const;

function valueOr<T>(text: string | undefined, parse: (text: string) => T, fallback: T): T {
  return text === undefined ? fallback : parse(text);
}

function optional<T>(text: string | undefined, parse: (text: string) => T): T | undefined {
  return text === undefined ? undefined : parse(text);
}

function parse(args: readonly string[]) {
  try {
    return parseArgs({ args: [...args], options: FLAGS, strict: true, allowPositionals: false }).values;
  } catch {
    return null;
  }
}

/** The flags of `kmon status ARGS`, as commander would read them; null for anything unusual. */
export function statusFlags(args: readonly string[], env: NodeJS.ProcessEnv): StatusFlags | null {
  const values = parse(args);
  if (!values) return null;
  const format = values.format;
  if (format !== undefined && !FORMATS.some((f) => f === format)) return null;
  try {
    const flags: StatusFlags = {
      kubeconfig: values.kubeconfig,
      context: values.context,
      namespace: values.namespace,
      allNamespaces: values['all-namespaces'],
      selector: values.selector,
      requestTimeout: valueOr(values['request-timeout'], parseDuration, 10_000),
      kubelet: !values['no-kubelet'],
      kubeletQps: valueOr(values['kubelet-qps'], parsePositiveInt, 20),
      kubeletBurst: valueOr(values['kubelet-burst'], parsePositiveInt, 100),
      kubeletConcurrency: valueOr(values['kubelet-concurrency'], parsePositiveInt, 8),
      kubeletTimeout: valueOr(values['kubelet-timeout'], parseDuration, 4_000),
      log: values.log ?? env.KMON_LOG,
      config: values.config,
      cpuWarn: optional(values['cpu-warn'], parsePercent),
      cpuCrit: optional(values['cpu-crit'], parsePercent),
      memWarn: optional(values['mem-warn'], parsePercent),
      memCrit: optional(values['mem-crit'], parsePercent),
      diskWarn: optional(values['disk-warn'], parsePercent),
      diskCrit: optional(values['disk-crit'], parsePercent),
      format: FORMATS.find((f) => f === format),
      maxWidth: valueOr(values['max-width'], parsePositiveInt, 80),
      timeout: valueOr(values.timeout, parseDuration, 2_000),
      ascii: values.ascii,
      color: !values['no-color'],
      cached: values.cached,
      refreshDisk: values['refresh-disk'],
      watch: optional(values.watch, parseDuration),
    };
    return flags;
  } catch {
    return null;
  }
}

import { parsePromTarget } from '../kube/prometheus/prom-target.js';
import { DEFAULT_THRESHOLDS } from '../model/thresholds.js';
import { parseDuration, parsePercent, parsePositiveInt } from './parse-values.js';

// The flags every face shares, and those of `kmon status`, written once. commander builds its
// options from these tables (options.ts, status/status-command.ts), and the fast path of
// `kmon status` its parseArgs reader (status/status-argv.ts), so the two cannot drift apart. A flag
// is one entry: its key and value type in the flags objects follow from it (FlagValues below). This
// module is on the fast path, so it imports neither commander nor anything that loads it.

export interface FlagSpec {
  /** Long name without the dashes. `no-x` turns off an `x` that is on by default. */
  readonly name: string;
  readonly short?: string;
  /** Placeholder of the value in help, e.g. `<duration>`; a flag without one is a switch. */
  readonly arg?: string;
  readonly help: string;
  /** Reads the value given; throws a plain Error saying what was expected. Without it the text is kept. */
  readonly parse?: (text: string) => unknown;
  /** The default as a user would type it (`10s`); read with `parse` like a given value. */
  readonly default?: string;
  /** The only values accepted (a flag has `choices` or `parse`, not both). */
  readonly choices?: readonly string[];
  /** Environment variable that stands in for the flag when it is not given. */
  readonly env?: string;
  /** Given more than once, every value is kept, in order (the value is a list); else the last wins. */
  readonly repeats?: boolean;
}

const percent = <Name extends string>(name: Name, what: string, fallback: number) =>
  ({ name, arg: '<pct>', help: `${what} (default ${fallback})`, parse: parsePercent }) as const;

/** Which cluster, how to reach it, and how hard to lean on it. */
export const CLUSTER_FLAGS = [
  { name: 'kubeconfig', arg: '<file>', help: 'kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)' },
  {
    name: 'context',
    arg: '<name>',
    help: 'kubeconfig context (default: current-context); repeat it to watch several clusters (live screen, status, check)',
    repeats: true,
  },
  { name: 'all-contexts', help: 'every context in the kubeconfig (live screen, status, check)' },
  { name: 'namespace', short: 'n', arg: '<ns>', help: 'only this namespace' },
  { name: 'all-namespaces', short: 'A', help: 'all namespaces' },
  { name: 'selector', short: 'l', arg: '<selector>', help: 'label selector, e.g. app=web,tier!=db' },
  {
    name: 'request-timeout',
    arg: '<duration>',
    help: 'how long an apiserver answer may take to begin, or go silent once it has',
    parse: parseDuration,
    default: '10s',
  },
  {
    name: 'api-qps',
    arg: '<n>',
    help: 'apiserver requests per second at most (kubelet reads aside)',
    parse: parsePositiveInt,
    default: '5',
  },
  { name: 'api-burst', arg: '<n>', help: 'apiserver requests allowed in a burst above the rate', parse: parsePositiveInt, default: '10' },
  { name: 'no-kubelet', help: 'never read kubelets through nodes/proxy (disk shows as unknown)' },
  { name: 'kubelet-qps', arg: '<n>', help: 'kubelet reads per second through the apiserver', parse: parsePositiveInt, default: '20' },
  {
    name: 'kubelet-burst',
    arg: '<n>',
    help: 'kubelet reads allowed in a burst above the rate',
    parse: parsePositiveInt,
    default: '100',
  },
  { name: 'kubelet-concurrency', arg: '<n>', help: 'kubelet reads in flight at once', parse: parsePositiveInt, default: '8' },
  { name: 'kubelet-timeout', arg: '<duration>', help: 'timeout for one kubelet read', parse: parseDuration, default: '4s' },
  { name: 'log', arg: '<file>', help: 'write a debug log of requests (method, path, status, time) to FILE', env: 'KMON_LOG' },
] as const satisfies readonly FlagSpec[];

/** The config file and alert thresholds; unset thresholds fall back to the file, then the defaults. */
export const THRESHOLD_FLAGS = [
  { name: 'config', arg: '<file>', help: 'config file (default: ~/.config/kmon/config.yaml)' },
  percent('cpu-warn', 'CPU % that warns', DEFAULT_THRESHOLDS.cpu.warn),
  percent('cpu-crit', 'CPU % that is critical', DEFAULT_THRESHOLDS.cpu.crit),
  percent('mem-warn', 'memory % that warns', DEFAULT_THRESHOLDS.memory.warn),
  percent('mem-crit', 'memory % that is critical', DEFAULT_THRESHOLDS.memory.crit),
  percent('disk-warn', 'disk % that warns', DEFAULT_THRESHOLDS.disk.warn),
  percent('disk-crit', 'disk % that is critical', DEFAULT_THRESHOLDS.disk.crit),
  { name: 'psi-warn', arg: '<pct>', help: 'pressure (PSI some avg10) % that warns (default: no pressure alerts)', parse: parsePercent },
  {
    name: 'psi-crit',
    arg: '<pct>',
    help: 'pressure (PSI some avg10) % that is critical (default: no pressure alerts)',
    parse: parsePercent,
  },
  percent('throttle-warn', "CPU throttling % (of a container's CFS periods) that warns", DEFAULT_THRESHOLDS.throttling.warn),
  percent('throttle-crit', 'CPU throttling % that is critical', DEFAULT_THRESHOLDS.throttling.crit),
  percent('ephemeral-warn', "ephemeral storage % (of a pod's limit, else request) that warns", DEFAULT_THRESHOLDS.ephemeral.warn),
  percent('ephemeral-crit', 'ephemeral storage % that is critical', DEFAULT_THRESHOLDS.ephemeral.crit),
  percent('inodes-warn', 'inodes % (node and image filesystems) that warns', DEFAULT_THRESHOLDS.inodes.warn),
  percent('inodes-crit', 'inodes % that is critical', DEFAULT_THRESHOLDS.inodes.crit),
  percent('pids-warn', "PIDs % (of the node's limit) that warns", DEFAULT_THRESHOLDS.pids.warn),
  percent('pids-crit', 'PIDs % that is critical', DEFAULT_THRESHOLDS.pids.crit),
] as const satisfies readonly FlagSpec[];

/** `kmon top pods`' own, beside kubectl's. */
export const TOP_POD_FLAGS = [
  { name: 'throttling', help: "CPU throttling (THR): each pod's node cAdvisor read twice, a few seconds apart" },
] as const satisfies readonly FlagSpec[];

/** `kmon top nodes`' own, beside kubectl's. */
export const TOP_NODE_FLAGS = [
  { name: 'network', help: "network rates: each node's kubelet summary read twice, a few seconds apart" },
] as const satisfies readonly FlagSpec[];

/** How the live screen and the top tables draw. */
export const DISPLAY_FLAGS = [
  { name: 'interval', arg: '<duration>', help: 'time between polls (default 5s, or interval in the config file)', parse: parseDuration },
  { name: 'ascii', help: 'ASCII only: no block or box-drawing characters' },
  { name: 'no-color', help: 'no colour (also when NO_COLOR is set); glyphs still mark alerts' },
  { name: 'no-alt-screen', help: 'draw in the normal screen buffer and leave the last frame behind' },
] as const satisfies readonly FlagSpec[];

/** Where the live screen's past comes from and where it goes: Prometheus, the saved history, a recording. */
export const HISTORY_FLAGS = [
  {
    name: 'prometheus',
    arg: '<url>',
    help: 'fetch the recent past from Prometheus: http://HOST:PORT, or k8s://NAMESPACE/SERVICE:PORT through the apiserver',
    parse: parsePromTarget,
  },
  { name: 'prometheus-window', arg: '<duration>', help: 'how far back to fetch from Prometheus (default 1h)', parse: parseDuration },
  { name: 'no-save-history', help: 'keep no history on disk between runs (by default under $XDG_STATE_HOME/kmon)' },
  { name: 'record', arg: '<file>', help: 'also record what the screen shows to FILE, for kmon replay' },
] as const satisfies readonly FlagSpec[];

/** `kmon record`'s own flags. */
export const RECORD_FLAGS = [
  { name: 'output', short: 'o', arg: '<file>', help: 'the recording to write (required)' },
  { name: 'duration', arg: '<duration>', help: 'how long to record (default: until Ctrl-C or SIGTERM)', parse: parseDuration },
] as const satisfies readonly FlagSpec[];

/** `kmon status`'s own flags, beside the cluster and threshold flags. */
export const STATUS_FLAGS = [
  { name: 'format', arg: '<format>', help: 'tmux (default inside tmux), ansi, plain or json', choices: ['tmux', 'ansi', 'plain', 'json'] },
  { name: 'max-width', arg: '<n>', help: 'longest line to print, in columns', parse: parsePositiveInt, default: '80' },
  {
    name: 'timeout',
    arg: '<duration>',
    help: 'longest wait for the cluster before printing the last known line',
    parse: parseDuration,
    default: '2s',
  },
  { name: 'ascii', help: 'ASCII glyphs only' },
  { name: 'no-color', help: 'no colour codes, in any format (also when NO_COLOR is set); glyphs still mark alerts' },
  { name: 'cached', help: 'print the last known line without asking the cluster' },
  { name: 'refresh-disk', help: "read every node's kubelet for disk figures now (slow)" },
  { name: 'watch', arg: '<duration>', help: 'keep refreshing and write ready-made lines for tmux to cat', parse: parseDuration },
] as const satisfies readonly FlagSpec[];

/** The key of a flag's value, as commander names it: camel case, `no-x` stored as `x`. */
export function flagKey(name: string): string {
  return name.replace(/^no-/, '').replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());
}

type Camel<S extends string> = S extends `${infer Head}-${infer Tail}` ? `${Head}${Capitalize<Camel<Tail>>}` : S;
type Key<Name extends string> = Name extends `no-${infer On}` ? Camel<On> : Camel<Name>;

type Value<F extends FlagSpec> = F extends { readonly repeats: true } ? readonly One<F>[] : One<F>;

type One<F extends FlagSpec> = F extends { readonly name: `no-${string}` }
  ? boolean
  : F extends { readonly arg: string }
    ? F extends { readonly parse: (text: string) => infer T }
      ? T
      : F extends { readonly choices: readonly (infer C)[] }
        ? C
        : string
    : boolean;

/** Set whatever the command line says: a default, or a negation's true. */
type AlwaysSet = { readonly default: string } | { readonly name: `no-${string}` };

/** The flags object a table gives: `--kubelet-qps <n>` with a default becomes `kubeletQps: number`. */
export type FlagValues<Table extends readonly FlagSpec[]> = {
  readonly [F in Table[number] as F extends AlwaysSet ? Key<F['name']> : never]: Value<F>;
} & {
  readonly [F in Table[number] as F extends AlwaysSet ? never : Key<F['name']>]?: Value<F>;
};

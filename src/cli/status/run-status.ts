import type { Connection } from '../../kube/connect.js';
import { isKubeError } from '../../kube/kube-error.js';
import type { KubeTarget } from '../../kube/kubeconfig/kube-target.js';
import { lazyImport } from '../../kube/lazy-import.js';
import { problemLabel } from '../../model/cluster-health.js';
import { lookOnce } from '../../model/one-shot-look.js';
import type { NodeUsage } from '../../model/records.js';
import type { Thresholds } from '../../model/thresholds.js';
import { statusData, unreadStatus } from '../../output/status-data.js';
import { type StatusData, type StatusFormat, statusLine } from '../../output/status-line.js';
import { type ClusterFlags, fleetTargets, openConnection, targetFor } from '../cluster-flags.js';
import { loadConfig } from '../config-file.js';
import type { FlagValues, STATUS_FLAGS } from '../flag-table.js';
import { historyFiles, stateDir } from '../history/history-files.js';
import { withSavedSamples } from '../history/saved-node-samples.js';
import { colorDepth, isUtf8Locale } from '../terminal-caps.js';
import { type ThresholdFlags, thresholdsFrom } from '../threshold-flags.js';
import { runFleetStatus } from './run-fleet-status.js';
import {
  type CacheFiles,
  cacheDir,
  cacheFiles,
  type DiskCache,
  readCache,
  readDiskCache,
  type StatusCache,
  withData,
  writeAtomically,
  writeCache,
} from './status-cache.js';
import { readDisk } from './status-disk.js';
import { readMemory, writeMemory } from './status-memory.js';
import { statusSnapshot } from './status-snapshot.js';

export type StatusFlags = ClusterFlags & ThresholdFlags & FlagValues<typeof STATUS_FLAGS>;

const TREND_POINTS = 8;
// Disk figures cost one kubelet read per node; the line refreshes them in the background this often.
const DISK_REFRESH_MS = 5 * 60_000;

function defaultFormat(env: NodeJS.ProcessEnv, isTTY: boolean, color: boolean): StatusFormat {
  // tmux runs #(…) with TMUX set and output to a pipe; typed at a prompt in a tmux pane, the line
  // goes to a terminal, where #[…] codes would show as text.
  if (env.TMUX && !isTTY) return 'tmux';
  return colorDepth(env, isTTY, { color }) === 'none' ? 'plain' : 'ansi';
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T | 'timeout'> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

function savedNodesFile(target: KubeTarget): string {
  return historyFiles(stateDir(), { context: target.context, server: target.server }).nodes;
}

interface Reading {
  readonly data: StatusData;
  readonly cache: StatusCache;
}

async function readCluster(
  connection: Connection,
  target: KubeTarget,
  cache: StatusCache,
  disk: DiskCache,
  thresholds: Thresholds,
  now: number,
  memoryFile: string,
): Promise<Reading> {
  const [nodes, usage] = await Promise.all([
    connection.client.listNodes(),
    connection.client.nodeMetrics().then(
      (m) => m.items,
      (): NodeUsage[] => [],
    ),
  ]);
  // What earlier runs saw gives alerts their age and nodes a trend (with a live screen's saved
  // samples where one ran); this run's look is kept for the next.
  const remembered = await withSavedSamples(readMemory(memoryFile, target.server), savedNodesFile(target), target.server, now);
  const look = lookOnce(remembered, statusSnapshot(nodes.items, usage, disk, now), thresholds, [], now);
  writeMemory(memoryFile, target.server, look.remembered);
  const rows = look.nodes;
  const sampleAt = usage.reduce((latest, u) => (Number.isFinite(u.timestamp) ? Math.max(latest, u.timestamp) : latest), 0);
  const first = statusData(target.clusterName, rows, thresholds, [], null, look.alerts);
  const last = cache.trend.at(-1);
  const trend =
    first.cpuPercent === null || (last && last.at === sampleAt)
      ? cache.trend
      : [...cache.trend, { at: sampleAt, cpu: first.cpuPercent }].slice(-TREND_POINTS);
  const data = { ...first, cpuTrend: trend.map((t) => t.cpu) };
  return { data, cache: withData({ ...cache, trend }, data, now) };
}

interface Failure {
  readonly message: string;
  readonly label: string;
}

function failureOf(error: unknown): Failure {
  if (isKubeError(error)) return { message: error.message, label: problemLabel(error.kind) };
  return { message: (error as Error).message, label: 'failing' };
}

/**
 * The last known figures, always visibly stale, with why the cluster was not read this time (none
 * for --cached, which asks nothing); or, with nothing cached, only why.
 */
function staleData(cache: StatusCache, target: KubeTarget, now: number, why: Failure | null): StatusData {
  const error = why ? { error: why.message, errorLabel: why.label } : {};
  if (cache.data) return { ...cache.data, staleMs: Math.max(1000, now - cache.savedAt), ...error };
  return unreadStatus(target.clusterName, why?.message ?? 'nothing cached yet', why?.label);
}

/** Starts `kmon status --refresh-disk` detached, so this run answers now and the next one has disk. */
async function refreshDiskInBackground(flags: StatusFlags, target: KubeTarget): Promise<void> {
  const args = [process.argv[1] ?? '', 'status', '--refresh-disk', '--format', 'plain', '--context', target.context];
  if (flags.kubeconfig) args.push('--kubeconfig', flags.kubeconfig);
  // Loaded only on the run that needs it, one in every few minutes.
  const { spawn } = await lazyImport<typeof import('node:child_process')>('node:child_process');
  spawn(process.execPath, args, { detached: true, stdio: 'ignore' }).unref();
}

async function once(
  flags: StatusFlags,
  target: KubeTarget,
  thresholds: Thresholds,
  files: CacheFiles,
  inline: boolean,
): Promise<StatusData> {
  const now = Date.now();
  let cache = readCache(files.line);
  if (flags.cached) return staleData(cache, target, now, null);
  const connection = openConnection(target, { ...flags, requestTimeout: flags.timeout });
  try {
    let disk = readDiskCache(files.disk);
    if (flags.refreshDisk || (inline && flags.kubelet && now - cache.diskRefreshStartedAt > DISK_REFRESH_MS)) {
      cache = { ...cache, diskRefreshStartedAt: now };
      writeCache(files.line, cache);
      disk = await readDisk(connection.client, flags);
      writeCache(files.disk, disk);
    }
    let why: Failure = { message: `no answer within ${flags.timeout / 1000}s`, label: problemLabel('timeout') };
    const reading = await withTimeout(readCluster(connection, target, cache, disk, thresholds, now, files.memory), flags.timeout).catch(
      (e: unknown) => {
        why = failureOf(e);
        return 'timeout' as const;
      },
    );
    if (reading === 'timeout') return staleData(cache, target, now, why);
    const due = !inline && flags.kubelet && now - cache.diskRefreshStartedAt > DISK_REFRESH_MS;
    writeCache(files.line, due ? { ...reading.cache, diskRefreshStartedAt: now } : reading.cache);
    if (due) await refreshDiskInBackground(flags, target);
    return reading.data;
  } finally {
    connection.close();
  }
}

const filesOf = (target: KubeTarget) => cacheFiles(cacheDir(), { context: target.context, server: target.server, user: target.userName });

/** `kmon status`: one line for a tmux status bar, fast, never blocking past --timeout. */
export async function runStatus(flags: StatusFlags): Promise<number> {
  const thresholds = thresholdsFrom(flags, loadConfig(flags.config).thresholds);
  // NO_COLOR and --no-color hold in every format, tmux's too; alerts keep their glyphs.
  const color = flags.color !== false && (process.env.NO_COLOR ?? '') === '';
  const ascii = flags.ascii ?? !isUtf8Locale(process.env);
  const format = flags.format ?? defaultFormat(process.env, process.stdout.isTTY === true, color);
  const fleet = fleetTargets(flags);
  if (fleet) {
    return runFleetStatus({
      targets: fleet,
      read: (target, inline) => once(flags, target, thresholds, filesOf(target), inline),
      options: { format, color, maxWidth: flags.maxWidth, ascii },
      watchMs: flags.watch,
      named: flags.allContexts ? 'all' : (flags.context ?? []),
    });
  }
  const target = targetFor(flags);
  const files = filesOf(target);
  const render = (data: StatusData, format: StatusFormat) => statusLine(data, { format, color, maxWidth: flags.maxWidth, ascii });
  if (flags.watch === undefined) {
    process.stdout.write(`${await render(await once(flags, target, thresholds, files, false), format)}\n`);
    return 0;
  }
  // --watch keeps ready-made lines on disk, so tmux can `cat` them instead of starting kmon.
  process.stderr.write(`kmon status: writing ${files.tmux} and ${files.text} every ${flags.watch / 1000}s\n`);
  for (;;) {
    const data = await once(flags, target, thresholds, files, true);
    writeAtomically(files.tmux, `${await render(data, 'tmux')}\n`);
    writeAtomically(files.text, `${await render(data, 'plain')}\n`);
    process.stdout.write(`${await render(data, format)}\n`);
    await new Promise((resolve) => setTimeout(resolve, flags.watch));
  }
}

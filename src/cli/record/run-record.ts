import { liveCollector } from '../../collect/live-collector.js';
import { type ClusterFlags, kubeletSettings, namespaceFor, openConnection, targetFor } from '../cluster-flags.js';
import { loadConfig } from '../config-file.js';
import type { DISPLAY_FLAGS, FlagValues, RECORD_FLAGS } from '../flag-table.js';
import { type ThresholdFlags, thresholdsFrom } from '../threshold-flags.js';
import { UsageError } from '../usage-error.js';
import { recordedLine, recordTo } from './recording-output.js';

export type RecordFlags = ClusterFlags &
  ThresholdFlags &
  Pick<FlagValues<typeof DISPLAY_FLAGS>, 'interval'> &
  FlagValues<typeof RECORD_FLAGS>;

/** Resolves after `ms`, or at the first SIGINT, SIGTERM or SIGHUP, whichever comes first. */
function recordingEnds(ms: number | undefined): Promise<void> {
  return new Promise((resolve) => {
    const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
    const end = () => {
      clearTimeout(timer);
      for (const s of signals) process.off(s, end);
      resolve();
    };
    const timer = ms === undefined ? undefined : setTimeout(end, ms);
    for (const s of signals) process.once(s, end);
  });
}

/**
 * `kmon record -o FILE [--duration 2h]`: the live screen's collector without a screen, every
 * snapshot it would draw written to FILE for kmon replay, until the duration is up or it is stopped.
 */
export async function runRecord(flags: RecordFlags): Promise<number> {
  if (!flags.output) throw new UsageError('record: -o FILE is required (the recording to write)');
  const config = loadConfig(flags.config);
  const thresholds = thresholdsFrom(flags, config.thresholds);
  const target = targetFor(flags);
  const connection = openConnection(target, flags);
  const scope = { context: target.context, cluster: target.clusterName, server: target.server, namespace: namespaceFor(flags, null) };
  const collector = liveCollector({
    reader: connection.client,
    scope,
    intervalMs: flags.interval ?? config.intervalMs ?? 5_000,
    selectors: { pods: flags.selector },
    kubelet: kubeletSettings(flags, thresholds),
    kubeletDeadlineMs: flags.requestTimeout,
  });
  try {
    const recorder = await recordTo(flags.output, collector, scope);
    const until = flags.duration === undefined ? 'until Ctrl-C' : `for ${Math.round(flags.duration / 1000)}s`;
    process.stderr.write(`kmon: recording ${scope.context} to ${flags.output} ${until}\n`);
    collector.start();
    await recordingEnds(flags.duration);
    collector.stop();
    await recorder.stop();
    process.stderr.write(`kmon: ${recordedLine(recorder, flags.output)}\n`);
    return 0;
  } finally {
    collector.stop();
    connection.close();
  }
}

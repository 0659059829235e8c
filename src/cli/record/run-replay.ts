import { RecordingError, readRecording } from '../../collect/recording-file.js';
import { ReplaySource } from '../../collect/replay-source.js';
import { loadConfig } from '../config-file.js';
import type { DISPLAY_FLAGS, FlagValues, THRESHOLD_FLAGS } from '../flag-table.js';
import { detectTerminal } from '../terminal-caps.js';
import { thresholdsFrom } from '../threshold-flags.js';
import { UsageError } from '../usage-error.js';

export type ReplayFlags = FlagValues<typeof THRESHOLD_FLAGS> & FlagValues<typeof DISPLAY_FLAGS>;

function clock(ms: number): string {
  return new Date(ms).toTimeString().slice(0, 8);
}

/**
 * `kmon replay FILE`: the live screen over a recording, at the pace it was recorded, with keys to
 * pause (p) and seek ([ ] a minute, { } ten, ( ) start and end); every other key works as live.
 */
export async function runReplay(file: string, flags: ReplayFlags): Promise<number> {
  const config = loadConfig(flags.config);
  const thresholds = thresholdsFrom(flags, config.thresholds);
  const recording = await readRecording(file).catch((e: unknown) => {
    throw e instanceof RecordingError ? new UsageError(`replay ${e.message}`) : e;
  });
  const caps = detectTerminal(process.env, process.stdout, { color: flags.color, ascii: flags.ascii }, process.stdin);
  if (!caps.interactive) throw new UsageError('replay needs a terminal: its input and output must both be one');
  const player = new ReplaySource(recording);
  player.start();
  for (const name of ['CI', 'CONTINUOUS_INTEGRATION']) if (name in process.env) process.env[name] = 'false';
  const [{ runApp }, { makeTheme }] = await Promise.all([import('../../ui/run-app.js'), import('../../ui/theme.js')]);
  try {
    return await runApp({
      source: player,
      replay: player,
      thresholds,
      theme: makeTheme({ color: caps.color !== 'none', ascii: !caps.unicode }),
      namespace: recording.header.scope.namespace,
      altScreen: flags.altScreen !== false,
    });
  } finally {
    player.stop();
    const { end, cutShort } = player.state();
    if (cutShort) process.stderr.write(`kmon: ${file} is cut short: replayed what it holds, to ${clock(end)}\n`);
  }
}

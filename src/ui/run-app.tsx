import { render } from 'ink';
import type { Thresholds } from '../model/thresholds.js';
import { App } from './components/App.js';
import { ErrorBoundary } from './components/ErrorBoundary.js';
import { FleetScreen } from './components/FleetScreen.js';
import type { FleetSource } from './hooks/use-fleet-rows.js';
import type { ReplayControl } from './hooks/use-replay.js';
import type { SnapshotSource } from './hooks/use-snapshot.js';
import { suspender } from './suspend.js';
import { takeScreen } from './terminal-screen.js';
import type { Theme } from './theme.js';

interface ScreenOptions {
  readonly thresholds: Thresholds;
  readonly theme: Theme;
  readonly namespace: string | null;
  readonly altScreen: boolean;
}

export interface LiveOptions extends ScreenOptions {
  /** The clusters watched: several with a fleet view, or one. */
  readonly fleet: FleetSource;
  /** Poll intervals of the clusters on screen and of the others. */
  readonly intervalMs: number;
  readonly backgroundMs: number;
  /** A node's or pod's detail opened on a cluster's screen: its past may be fetched. */
  readonly onDetail?: (context: string, pane: 'nodes' | 'pods', uid: string) => void;
}

/** kmon replay: one recorded cluster, its frames given by the player. */
export interface ReplayOptions extends ScreenOptions {
  readonly source: SnapshotSource;
  readonly replay: ReplayControl;
}

// Frames are throttled so a burst of snapshots or keys never queues renders; 15 fps is plenty for
// a monitor and keeps a keypress from waiting behind work.
const MAX_FPS = 15;

/** Runs the live screen (or a replay) until the user quits or a signal arrives; resolves with the exit status. */
export async function runApp(options: LiveOptions | ReplayOptions): Promise<number> {
  const screen = takeScreen(process.stdout, options.altScreen);
  const suspend = suspender(screen, process.stdin, process.stdout);
  const instance = render(
    <ErrorBoundary>
      {'fleet' in options ? <FleetScreen {...options} suspend={suspend} /> : <App {...options} suspend={suspend} />}
    </ErrorBoundary>,
    { exitOnCtrlC: false, patchConsole: false, maxFps: MAX_FPS },
  );
  let status = 0;
  const stop = (signalStatus: number) => () => {
    status = signalStatus;
    instance.unmount();
  };
  const onTerm = stop(143);
  const onHup = stop(129);
  process.once('SIGTERM', onTerm);
  process.once('SIGHUP', onHup);
  try {
    await instance.waitUntilExit();
    return status;
  } finally {
    process.off('SIGTERM', onTerm);
    process.off('SIGHUP', onHup);
    instance.cleanup();
    screen.restore();
  }
}

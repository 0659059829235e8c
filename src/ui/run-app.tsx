import { render } from 'ink';
import type { Thresholds } from '../model/thresholds.js';
import { ErrorBoundary } from './components/ErrorBoundary.js';
import { FleetScreen } from './components/FleetScreen.js';
import type { FleetSource } from './hooks/use-fleet-rows.js';
import { suspender } from './suspend.js';
import { takeScreen } from './terminal-screen.js';
import type { Theme } from './theme.js';

export interface LiveOptions {
  /** The clusters watched: several with a fleet view, or one. */
  readonly fleet: FleetSource;
  readonly thresholds: Thresholds;
  readonly theme: Theme;
  readonly namespace: string | null;
  readonly altScreen: boolean;
  /** Poll intervals of the clusters on screen and of the others. */
  readonly intervalMs: number;
  readonly backgroundMs: number;
}

// Frames are throttled so a burst of snapshots or keys never queues renders; 15 fps is plenty for
// a monitor and keeps a keypress from waiting behind work.
const MAX_FPS = 15;

/** Runs the live screen until the user quits or a signal arrives; resolves with the exit status. */
export async function runApp(options: LiveOptions): Promise<number> {
  const screen = takeScreen(process.stdout, options.altScreen);
  const instance = render(
    <ErrorBoundary>
      <FleetScreen
        fleet={options.fleet}
        thresholds={options.thresholds}
        theme={options.theme}
        namespace={options.namespace}
        intervalMs={options.intervalMs}
        backgroundMs={options.backgroundMs}
        suspend={suspender(screen, process.stdin, process.stdout)}
      />
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

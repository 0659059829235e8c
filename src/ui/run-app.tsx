import { render } from 'ink';
import type { Thresholds } from '../model/thresholds.js';
import { App } from './components/App.js';
import { ErrorBoundary } from './components/ErrorBoundary.js';
import type { ReplayControl } from './hooks/use-replay.js';
import type { SnapshotSource } from './hooks/use-snapshot.js';
import { suspender } from './suspend.js';
import { takeScreen } from './terminal-screen.js';
import type { Theme } from './theme.js';

export interface LiveOptions {
  readonly source: SnapshotSource;
  readonly thresholds: Thresholds;
  readonly theme: Theme;
  readonly namespace: string | null;
  readonly altScreen: boolean;
  readonly onVisibleNodes?: (names: readonly string[]) => void;
  /** A node's or pod's detail opened: its past may be fetched. */
  readonly onDetail?: (pane: 'nodes' | 'pods', uid: string) => void;
  /** kmon replay: the recording's player. */
  readonly replay?: ReplayControl;
}

// Frames are throttled so a burst of snapshots or keys never queues renders; 15 fps is plenty for
// a monitor and keeps a keypress from waiting behind work.
const MAX_FPS = 15;

/** Runs the live screen until the user quits or a signal arrives; resolves with the exit status. */
export async function runApp(options: LiveOptions): Promise<number> {
  const screen = takeScreen(process.stdout, options.altScreen);
  const instance = render(
    <ErrorBoundary>
      <App
        source={options.source}
        thresholds={options.thresholds}
        theme={options.theme}
        namespace={options.namespace}
        onVisibleNodes={options.onVisibleNodes}
        onDetail={options.onDetail}
        replay={options.replay}
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

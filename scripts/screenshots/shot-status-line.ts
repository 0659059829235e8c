import { startNested } from './nested-tmux.js';
import { atPrompt, nodeRows, plain } from './screen-checks.js';
import { shellQuote } from './shell-quote.js';
import type { ShotContext } from './shot-context.js';

const COLS = 120;
const ROWS = 11;

/** A shell window in tmux whose status bar runs `kmon status`, as the README tells people to set it up. */
export async function shootStatusLine(context: ShotContext): Promise<void> {
  // tmux runs #() through sh every status-interval; absolute paths, so nothing depends on its PATH.
  const command = [process.execPath, context.kmonBin, 'status', '--format', 'tmux', '--kubeconfig', context.kubeconfig].map(shellQuote);
  const status = `#(${command.join(' ')})`;
  const tmux = await startNested('status', context, { cols: COLS, rows: ROWS }, [
    ['status-right', status],
    ['status-right-length', '100'],
    ['status-interval', '2'],
  ]);
  try {
    await tmux.inner.enter('main', 'kmon top nodes');
    await tmux.inner.waitFor('main', 'kmon top nodes', (s) => nodeRows(s).length >= context.nodes && atPrompt(s));
    const screen = await tmux.outer.waitFor('main', 'kmon status in the status bar', (s) => {
      const last = plain(s).trimEnd().split('\n').at(-1) ?? '';
      return last.includes('⎈ kmon-sim');
    });
    await context.save('status-line', screen, COLS, ROWS);
  } finally {
    await tmux.kill();
  }
}

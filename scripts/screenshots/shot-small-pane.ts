import { startNested } from './nested-tmux.js';
import { atPrompt, nodeRows, plain } from './screen-checks.js';
import type { ShotContext } from './shot-context.js';
import { until } from './tmux-server.js';

const COLS = 150;
const ROWS = 20;
const PANE = { cols: 40, rows: 10 } as const;

/**
 * An on-call layout: a wide shell on the left, and on the right kmon squeezed into a 40×10 pane
 * above a second shell, with tmux's borders and status line around them.
 */
export async function shootSmallPane(context: ShotContext): Promise<void> {
  const tmux = await startNested('pane', context, { cols: COLS, rows: ROWS }, [['status-right', '']]);
  try {
    const split = async (...args: string[]) => (await tmux.inner.run('split-window', '-P', '-F', '#{pane_id}', ...args)).trim();
    const side = await split('-h', '-l', String(PANE.cols), '-t', 'main', 'sh');
    // Made last, the kmon pane is the active one, so its border is the highlighted one.
    const kmon = await split('-v', '-b', '-l', String(PANE.rows), '-t', side, 'kmon --interval 1s');
    const size = () => tmux.inner.display(kmon, '#{pane_width}x#{pane_height}');
    await until('kmon pane at 40×10', size, (s) => s === `${PANE.cols}x${PANE.rows}`);

    await tmux.inner.enter('main.0', 'kmon top nodes');
    await tmux.inner.enter(side, 'kmon check');
    await tmux.inner.waitFor('main.0', 'kmon top nodes', (s) => nodeRows(s).length >= context.nodes && atPrompt(s));
    await tmux.inner.waitFor(side, 'kmon check', atPrompt);
    await tmux.inner.waitFor(kmon, 'kmon in the small pane', (s) => plain(s).includes('hello-kube-'));
    const screen = await tmux.outer.capture();
    await context.save('tmux-small-pane', screen, COLS, ROWS);
  } finally {
    await tmux.kill();
  }
}

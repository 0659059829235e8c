import { nodeRows, nodesReady, plain } from './screen-checks.js';
import type { ShotContext } from './shot-context.js';
import { TmuxServer } from './tmux-server.js';

const COLS = 120;
const ROWS = 32;
const DETAIL_NODE = 'hello-kube-002';

/**
 * kmon full-screen at the design's 120×32: the node and pod panes once every node shows its disk
 * and a few samples of history, then the detail view of the node whose disk is full.
 */
/** How much history the detail charts span ("last 45s"), so the picture shows a line, not a dot. */
function chartSeconds(text: string): number {
  const span = /last (\d+)(s|m)\b/.exec(text);
  return span ? Number(span[1]) * (span[2] === 'm' ? 60 : 1) : 0;
}

export async function shootLive(context: ShotContext): Promise<void> {
  const tmux = await TmuxServer.start('live', {
    cols: COLS,
    rows: ROWS,
    command: 'kmon --interval 1s',
    env: context.env,
    options: context.tmuxOptions,
  });
  try {
    const main = await tmux.waitFor('main', 'every node with disk figures and sparklines', (s) => nodesReady(s, context.nodes, 6));
    await context.save('nodes-and-pods', main, COLS, ROWS);

    // Filtering the node pane down to one row selects it, whatever the CPU sort did to the order.
    // Keys typed before the prompt is up would go to the table, so each step waits for the screen.
    await tmux.keys('main', '/');
    await tmux.waitFor('main', 'the filter prompt', (s) => plain(s).includes('Esc clear'));
    await tmux.type('main', DETAIL_NODE);
    await tmux.waitFor('main', `${DETAIL_NODE} alone in the node pane`, (s) => nodeRows(s).length === 1);
    await tmux.keys('main', 'Enter');
    await tmux.waitFor('main', 'the filter kept', (s) => !plain(s).includes('Esc clear'));
    await tmux.keys('main', 'Enter');
    const detail = await tmux.waitFor('main', `the detail view of ${DETAIL_NODE}`, (s) => {
      const text = plain(s);
      return text.includes(`NODE ${DETAIL_NODE}`) && text.includes('node fs') && chartSeconds(text) >= 30;
    });
    await context.save('node-detail', detail, COLS, ROWS);
  } finally {
    await tmux.kill();
  }
}

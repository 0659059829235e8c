import type { ShotContext } from './shot-context.js';
import { TmuxServer, until } from './tmux-server.js';

// tmux's own borders and status line are not in any pane, so capture-pane cannot see them. Here
// an outer tmux plays the terminal emulator and runs a client of an inner tmux, the one in the
// picture: the outer pane's capture is then everything that client draws.

export interface NestedTmux {
  /** The tmux in the picture: session `main`, sized by the outer pane. */
  readonly inner: TmuxServer;
  /** The terminal: capture its pane `main` for the picture. */
  readonly outer: TmuxServer;
  kill(): Promise<void>;
}

/** A plain status bar as many people set it, instead of tmux's green, which kmon's red and yellow fight with. */
const HOUSE_STYLE: readonly (readonly [string, string])[] = [
  ['status-style', 'bg=colour236,fg=colour250'],
  ['status-left', '[#S] '],
  ['window-status-current-style', 'fg=colour255,bold'],
  ['pane-border-style', 'fg=colour240'],
  ['pane-active-border-style', 'fg=colour39'],
  // The window keeps the name it started with, whatever command happens to be running at capture time.
  ['automatic-rename', 'off'],
];

export async function startNested(
  name: string,
  context: ShotContext,
  size: { readonly cols: number; readonly rows: number },
  options: readonly (readonly [string, string])[],
): Promise<NestedTmux> {
  const inner = await TmuxServer.start(`${name}-inner`, {
    ...size,
    command: 'sh',
    env: context.env,
    options: [...context.tmuxOptions, ...HOUSE_STYLE, ...options],
  });
  try {
    // The outer pane has $TMUX set; unset, the client attaches as one in a fresh terminal would.
    const outer = await TmuxServer.start(`${name}-outer`, {
      ...size,
      command: `env -u TMUX tmux -L ${inner.socket} -f /dev/null attach -t main`,
      env: context.env,
      options: [...context.tmuxOptions, ['status', 'off']],
    });
    // The inner window takes the client's size once attached: all rows but its status line.
    const attached = `1 ${size.cols}x${size.rows - 1}`;
    const state = () => inner.display('main', '#{session_attached} #{window_width}x#{window_height}');
    await until('the inner tmux client to attach', state, (s) => s === attached);
    return {
      inner,
      outer,
      kill: async () => {
        await outer.kill();
        await inner.kill();
      },
    };
  } catch (error) {
    await inner.kill();
    throw error;
  }
}

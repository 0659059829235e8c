import { useStdout } from 'ink';
import { type Dispatch, useEffect } from 'react';
import type { Action } from '../state.js';

/**
 * Ctrl-Z: `suspend` hands the terminal to the shell and settles once kmon is back in front (fg);
 * the frame is then written again whole, as the screen it was on has been the shell's meanwhile.
 */
export function useSuspend(suspended: boolean, dispatch: Dispatch<Action>, suspend?: () => Promise<void>): void {
  const { write } = useStdout();
  useEffect(() => {
    if (!suspended) return;
    void (suspend ?? (async () => {}))().then(() => {
      // Ink clears what it last drew and draws it again after what it is asked to write.
      write('');
      dispatch({ type: 'resumed' });
    });
  }, [suspended, suspend, write, dispatch]);
}

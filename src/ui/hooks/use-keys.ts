import { useApp, useInput } from 'ink';
import { type Dispatch, useEffect, useLayoutEffect, useRef } from 'react';
import type { Action, CommandContext, UiState } from '../state.js';

/** Keys go to the reducer, which decides by mode; quitting is a state the app then acts on. */
export function useKeys(state: UiState, dispatch: Dispatch<Action>, context: () => CommandContext): void {
  const { exit } = useApp();
  // Ink re-registers the key handler in a passive effect, which runs a turn after the frame is on
  // screen: a key pressed in between would meet the previous frame's rows (none, on the first).
  // The ref is set while the frame is committed, so every key sees what is on screen.
  const latest = useRef(context);
  useLayoutEffect(() => {
    latest.current = context;
  });
  useInput((input, key) => dispatch({ type: 'key', input, key, context: latest.current() }));
  useEffect(() => {
    if (state.quitting) exit();
  }, [state.quitting, exit]);
}

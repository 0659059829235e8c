import { useApp, useInput } from 'ink';
import { type Dispatch, useEffect } from 'react';
import type { Action, CommandContext, UiState } from '../state.js';

/** Keys go to the reducer, which decides by mode; quitting is a state the app then acts on. */
export function useKeys(state: UiState, dispatch: Dispatch<Action>, context: () => CommandContext): void {
  const { exit } = useApp();
  useInput((input, key) => dispatch({ type: 'key', input, key, context: context() }));
  useEffect(() => {
    if (state.quitting) exit();
  }, [state.quitting, exit]);
}

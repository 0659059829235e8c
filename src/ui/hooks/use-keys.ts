import { type Key, useApp, useInput } from 'ink';
import type { Dispatch } from 'react';
import { commandFor } from '../keymap.js';
import type { Action, CommandContext, UiState } from '../state.js';

/** Keys to actions, by mode: typing goes to the filter prompt, everything else through the keymap. */
export function useKeys(state: UiState, dispatch: Dispatch<Action>, context: () => CommandContext, active: boolean): void {
  const { exit } = useApp();
  useInput(
    (input: string, key: Key) => {
      if (state.mode === 'filter') {
        if (key.return) dispatch({ type: 'submit', context: context() });
        else if (key.escape) dispatch({ type: 'cancel' });
        else if (key.backspace || key.delete) dispatch({ type: 'erase' });
        else if (key.ctrl && input === 'c') exit();
        else if (input && !key.ctrl && !key.meta) dispatch({ type: 'type', text: input });
        return;
      }
      const command = commandFor(input, key);
      if (command === 'quit') exit();
      else if (command && (state.mode !== 'help' || command === 'help' || command === 'back'))
        dispatch({ type: 'command', command, context: context() });
    },
    { isActive: active },
  );
}

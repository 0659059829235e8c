import { Box, Text } from 'ink';
import { type Dispatch, useCallback } from 'react';
import { fitText } from '../fit-text.js';
import type { FleetAction, FleetUiState } from '../fleet-reducer.js';
import { useKeys } from '../hooks/use-keys.js';
import { useTerminalSize } from '../hooks/use-terminal-size.js';
import { arrayRows } from '../row-list.js';
import type { CommandContext } from '../state.js';
import type { Theme } from '../theme.js';
import { ContextPicker } from './ContextPicker.js';

interface Props {
  readonly context: string;
  readonly error: string;
  readonly contexts: readonly string[];
  /** Whether Esc goes back to a fleet view. */
  readonly canLeave: boolean;
  readonly state: FleetUiState;
  readonly dispatch: Dispatch<FleetAction>;
  readonly theme: Theme;
}

const NONE = { ids: arrayRows<string>([], (r) => r), page: 1, sortColumns: [] };

/** A context whose kubeconfig entry or credentials cannot be used: why, and the ways on (c, Esc, q). */
export function UnopenedCluster({ context, error, contexts, canLeave, state, dispatch, theme }: Props) {
  const { columns: width, rows: height } = useTerminalSize();
  const commandContext = useCallback(
    (): CommandContext => ({
      panes: { nodes: NONE, pods: NONE },
      snapshot: null,
      namespaces: [],
      selectedNodeName: null,
      help: { lines: 0, page: 1 },
      contexts,
      currentContext: context,
      canLeave,
    }),
    [contexts, context, canLeave],
  );
  useKeys(state, dispatch, commandContext);
  const body = Math.max(1, height - 3);
  const ways = [canLeave ? 'Esc fleet' : '', 'c context', 'q quit'].filter(Boolean).join('  ');
  return (
    <Box flexDirection="column" width={width} height={Math.max(1, height - 1)}>
      <Text bold color={theme.levelColor('crit')} wrap="truncate">
        {fitText(`${theme.symbols.cluster} ${context}  ${theme.symbols.down} ${error}`, width, 'left', theme.symbols.ellipsis)}
      </Text>
      {state.mode === 'context' ? (
        <ContextPicker contexts={contexts} picked={state.pickedContext} current={context} width={width} height={body} theme={theme} />
      ) : (
        <Box height={body}>
          <Text wrap="truncate">
            {fitText('  this context cannot be opened as the kubeconfig writes it', width, 'left', theme.symbols.ellipsis)}
          </Text>
        </Box>
      )}
      <Text color={theme.muted} wrap="truncate">
        {fitText(` ${ways}`, width, 'left', theme.symbols.ellipsis)}
      </Text>
    </Box>
  );
}

import { type Command, Option } from 'commander';
import { forCommander } from './commander-values.js';
import { CLUSTER_FLAGS, DISPLAY_FLAGS, type FlagSpec, HISTORY_FLAGS, THRESHOLD_FLAGS } from './flag-table.js';

/** One entry of flag-table.ts as commander's Option; help shows the default as it is written there. */
function optionFor(spec: FlagSpec): Option {
  const option = new Option(`${spec.short ? `-${spec.short}, ` : ''}--${spec.name}${spec.arg ? ` ${spec.arg}` : ''}`, spec.help);
  const parse = spec.parse ? forCommander(spec.parse) : (text: string) => text;
  if (spec.repeats) option.argParser((text: string, before: unknown[] | undefined) => [...(before ?? []), parse(text)]);
  else if (spec.parse) option.argParser(parse);
  if (spec.default !== undefined) option.default(spec.parse ? spec.parse(spec.default) : spec.default, spec.default);
  if (spec.choices) option.choices(spec.choices);
  if (spec.env) option.env(spec.env);
  return option;
}

export function addFlags(command: Command, table: readonly FlagSpec[]): Command {
  for (const spec of table) command.addOption(optionFor(spec));
  return command;
}

/** Flags every face shares: which cluster, how to reach it, and how hard to lean on it. */
export const addClusterOptions = (command: Command): Command => addFlags(command, CLUSTER_FLAGS);

/** Alert thresholds; unset flags fall back to the config file, then to the built-in defaults. */
export const addThresholdOptions = (command: Command): Command => addFlags(command, THRESHOLD_FLAGS);

export const addDisplayOptions = (command: Command): Command => addFlags(command, DISPLAY_FLAGS);

/** The live screen's past: Prometheus, the saved history, a recording. */
export const addHistoryOptions = (command: Command): Command => addFlags(command, HISTORY_FLAGS);

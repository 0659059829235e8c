import { type ParseArgsConfig, parseArgs } from 'node:util';
import { CLUSTER_FLAGS, type FlagSpec, flagKey, STATUS_FLAGS, THRESHOLD_FLAGS } from '../flag-table.js';
import type { StatusFlags } from './run-status.js';

// tmux runs `kmon status` every few seconds, and commander with what it loads is a good part of
// that start. This reads the usual command line, known flags with valid values, without it. For
// anything else (--help, an unknown flag, a bad value) it answers null, and the full program, whose
// commander reads `kmon status` too, says what is wrong. Both are built from flag-table.ts;
// test/cli/status-argv.test.ts holds the two readers to the same results.

const TABLE: readonly FlagSpec[] = [...CLUSTER_FLAGS, ...THRESHOLD_FLAGS, ...STATUS_FLAGS];

const OPTIONS: NonNullable<ParseArgsConfig['options']> = Object.fromEntries(
  TABLE.map((spec) => [
    spec.name,
    { type: spec.arg ? 'string' : 'boolean', ...(spec.short ? { short: spec.short } : {}), ...(spec.repeats ? { multiple: true } : {}) },
  ]),
);

/** The long flags read here, for the test that compares them with commander's. */
export const STATUS_FLAG_NAMES: readonly string[] = TABLE.map((spec) => `--${spec.name}`);

/** A flag's value as commander would give it: parsed, or the env's, or the default; throws if invalid. */
function flagValue(spec: FlagSpec, given: string | boolean | string[] | undefined, env: NodeJS.ProcessEnv): unknown {
  if (Array.isArray(given)) return given.map((text) => flagValue(spec, text, env));
  if (spec.name.startsWith('no-')) return given !== true;
  if (!spec.arg) return given;
  const text = (given as string | undefined) ?? (spec.env ? env[spec.env] : undefined) ?? spec.default;
  if (text === undefined) return undefined;
  if (spec.choices && !spec.choices.includes(text)) throw new Error(`--${spec.name}: not one of ${spec.choices.join(', ')}`);
  return spec.parse ? spec.parse(text) : text;
}

/** The flags of `kmon status ARGS`, as commander would read them; null for anything unusual. */
export function statusFlags(args: readonly string[], env: NodeJS.ProcessEnv): StatusFlags | null {
  try {
    const { values } = parseArgs({ args: [...args], options: OPTIONS, strict: true, allowPositionals: false });
    const flags: Record<string, unknown> = {};
    for (const spec of TABLE) {
      const value = flagValue(spec, values[spec.name] as string | boolean | string[] | undefined, env);
      if (value !== undefined) flags[flagKey(spec.name)] = value;
    }
    return flags as unknown as StatusFlags;
  } catch {
    return null;
  }
}

import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { load, YAMLException } from 'js-yaml';
import * as z from 'zod/mini';
import '../kube/zod-english.js';
import { DEFAULT_THRESHOLDS, type Thresholds } from '../model/thresholds.js';
import { parseDuration } from './parse-values.js';
import { UsageError } from './usage-error.js';

// ~/.config/kmon/config.yaml. Every key is optional; unknown keys are errors so a typo in a
// threshold cannot silently leave the default in force.

const duration = z.union([z.string(), z.number()]);

const pair = z.strictObject({
  warn: z.optional(z.number().check(z.gte(0))),
  crit: z.optional(z.number().check(z.gte(0))),
  for: z.optional(duration),
});

// How soon a projected fill alerts: `fill: { warn: 4h, crit: 1h }`.
const fill = z.strictObject({ warn: z.optional(duration), crit: z.optional(duration) });

const schema = z.strictObject({
  thresholds: z.optional(
    z.strictObject({ cpu: z.optional(pair), memory: z.optional(pair), disk: z.optional(pair), fill: z.optional(fill) }),
  ),
  interval: z.optional(duration),
});

export interface KmonConfig {
  readonly thresholds: Thresholds;
  readonly intervalMs?: number;
  readonly file: string | null;
}

export function defaultConfigPath(env: NodeJS.ProcessEnv = process.env): string {
  return path.join(env.XDG_CONFIG_HOME || path.join(homedir(), '.config'), 'kmon', 'config.yaml');
}

function read(file: string, required: boolean): string | null {
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    if (!required && (e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new UsageError(`config ${file}: cannot read (${(e as NodeJS.ErrnoException).code})`);
  }
}

function interval(value: string | number | undefined, file: string): number | undefined {
  return durationAt(value, file, 'interval');
}

/** A duration in the file, 0 allowed where `zero` says so (`for: 0s`: at once); bare numbers are seconds. */
function durationAt(value: string | number | undefined, file: string, key: string, zero = false): number | undefined {
  if (value === undefined) return undefined;
  if (zero && /^0+(\.0+)?(ms|s|m|h)?$/.test(String(value).trim())) return 0;
  try {
    return parseDuration(String(value));
  } catch (e) {
    throw new UsageError(`config ${file}: ${key}: ${(e as Error).message}`);
  }
}

/** The config file's settings over the defaults; `explicit` (--config) must exist. */
export function loadConfig(explicit?: string, env: NodeJS.ProcessEnv = process.env): KmonConfig {
  const file = explicit ?? defaultConfigPath(env);
  const text = read(file, explicit !== undefined);
  if (text === null) return { thresholds: DEFAULT_THRESHOLDS, file: null };
  let raw: unknown;
  try {
    raw = load(text) ?? {};
  } catch (e) {
    const where = e instanceof YAMLException ? ` at line ${e.mark.line + 1}, column ${e.mark.column + 1}: ${e.reason}` : '';
    throw new UsageError(`config ${file}: not valid YAML${where}`);
  }
  const result = schema.safeParse(raw);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new UsageError(`config ${file}: ${issue?.path.join('.') || 'top level'}: ${issue?.message ?? 'invalid'}`);
  }
  const t = result.data.thresholds ?? {};
  const merge = (name: 'cpu' | 'memory' | 'disk') => {
    const base = DEFAULT_THRESHOLDS[name];
    const over = t[name];
    return {
      warn: over?.warn ?? base.warn,
      crit: over?.crit ?? base.crit,
      forMs: durationAt(over?.for, file, `thresholds.${name}.for`, true) ?? base.forMs,
    };
  };
  const fillBase = DEFAULT_THRESHOLDS.fill;
  return {
    thresholds: {
      cpu: merge('cpu'),
      memory: merge('memory'),
      disk: merge('disk'),
      fill: {
        warnMs: durationAt(t.fill?.warn, file, 'thresholds.fill.warn') ?? fillBase.warnMs,
        critMs: durationAt(t.fill?.crit, file, 'thresholds.fill.crit') ?? fillBase.critMs,
      },
    },
    intervalMs: interval(result.data.interval, file),
    file,
  };
}

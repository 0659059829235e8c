import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { load, YAMLException } from 'js-yaml';
import * as z from 'zod/mini';
import '../kube/zod-english.js';
import { type PromTarget, parsePromTarget } from '../kube/prometheus/prom-target.js';
import { DEFAULT_THRESHOLDS, pressureThreshold, type Thresholds } from '../model/thresholds.js';
import { parseDuration, parseSize } from './parse-values.js';
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

// The kubelet's signals: pressure (PSI, off unless set), throttling, ephemeral storage, inodes, PIDs.
const KUBELET_THRESHOLD_KEYS = {
  pressure: z.optional(pair),
  throttling: z.optional(pair),
  ephemeral: z.optional(pair),
  inodes: z.optional(pair),
  pids: z.optional(pair),
};

// `prometheus: URL`, or with how far back to look: `prometheus: { url: URL, window: 2h }`.
const prometheus = z.union([z.string(), z.strictObject({ url: z.string(), window: z.optional(duration) })]);

// The live screen's history on disk: `history: { save: false }`, `history: { maxSize: 200MB }`.
const history = z.strictObject({ save: z.optional(z.boolean()), maxSize: z.optional(z.union([z.string(), z.number()])) });

const schema = z.strictObject({
  thresholds: z.optional(
    z.strictObject({
      cpu: z.optional(pair),
      memory: z.optional(pair),
      disk: z.optional(pair),
      fill: z.optional(fill),
      ...KUBELET_THRESHOLD_KEYS,
    }),
  ),
  interval: z.optional(duration),
  prometheus: z.optional(prometheus),
  history: z.optional(history),
});

/** The saved history's settings, as the file gives them or by default. */
export interface SavedHistorySettings {
  readonly save: boolean;
  /** The most the saved histories may take on disk, all contexts together. */
  readonly maxBytes: number;
}

export const DEFAULT_SAVED_HISTORY: SavedHistorySettings = { save: true, maxBytes: 100 * 1000 * 1000 };

export interface KmonConfig {
  readonly thresholds: Thresholds;
  readonly intervalMs?: number;
  readonly prometheus?: { readonly target: PromTarget; readonly windowMs?: number };
  readonly history: SavedHistorySettings;
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
  if (text === null) return { thresholds: DEFAULT_THRESHOLDS, history: DEFAULT_SAVED_HISTORY, file: null };
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
  const merge = (name: 'cpu' | 'memory' | 'disk' | 'throttling' | 'ephemeral' | 'inodes' | 'pids') => {
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
      pressure: pressureThreshold(t.pressure?.warn, t.pressure?.crit, DEFAULT_THRESHOLDS.pressure),
      throttling: merge('throttling'),
      ephemeral: merge('ephemeral'),
      inodes: merge('inodes'),
      pids: merge('pids'),
    },
    intervalMs: interval(result.data.interval, file),
    prometheus: prometheusAt(result.data.prometheus, file),
    history: historyAt(result.data.history, file),
    file,
  };
}

function prometheusAt(value: z.infer<typeof prometheus> | undefined, file: string): KmonConfig['prometheus'] {
  if (value === undefined) return undefined;
  const { url, window } = typeof value === 'string' ? { url: value, window: undefined } : value;
  try {
    return { target: parsePromTarget(url), windowMs: durationAt(window, file, 'prometheus.window') };
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw new UsageError(`config ${file}: ${(e as Error).message}`);
  }
}

function historyAt(value: z.infer<typeof history> | undefined, file: string): SavedHistorySettings {
  let maxBytes = DEFAULT_SAVED_HISTORY.maxBytes;
  if (value?.maxSize !== undefined) {
    try {
      maxBytes = parseSize(String(value.maxSize));
    } catch (e) {
      throw new UsageError(`config ${file}: history.maxSize: ${(e as Error).message}`);
    }
  }
  return { save: value?.save ?? DEFAULT_SAVED_HISTORY.save, maxBytes };
}

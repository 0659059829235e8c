import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import * as z from 'zod/mini';
import type { StatusData } from '../../output/status-line.js';

// What `kmon status` remembers between runs, per context under $XDG_CACHE_HOME/kmon/: the last
// line's figures (shown, marked stale, when the cluster does not answer in time) and the CPU trend
// for its sparkline; and, in a file of their own, disk figures, which cost a kubelet read per node.
// A background run fills the disk file while later runs rewrite the line's: with one writer each,
// neither overwrites what the other just learned.

// Inodes and the kubelet's own time of measure too: kmon status projects from them (status-memory.ts).
const fs = z.object({
  capacityBytes: z.number(),
  availableBytes: z.nullable(z.number()),
  usedBytes: z.nullable(z.number()),
  inodes: z.optional(z.nullable(z.number())),
  inodesFree: z.optional(z.nullable(z.number())),
  time: z.optional(z.nullable(z.number())),
});
const level = z.enum(['ok', 'warn', 'crit']);

const cacheSchema = z.object({
  version: z.literal(1),
  savedAt: z.number(),
  data: z.nullable(
    z.object({
      cluster: z.string(),
      ready: z.number(),
      total: z.number(),
      cpuPercent: z.nullable(z.number()),
      memoryPercent: z.nullable(z.number()),
      cpuTrend: z.array(z.number()),
      cpuLevel: level,
      memoryLevel: level,
      problems: z.array(
        z.object({
          level,
          label: z.string(),
          node: z.string(),
          percent: z.nullable(z.number()),
          since: z.optional(z.nullable(z.number())),
          fullInMs: z.optional(z.nullable(z.number())),
        }),
      ),
      staleMs: z.nullable(z.number()),
    }),
  ),
  trend: z.array(z.object({ at: z.number(), cpu: z.number() })),
  diskRefreshStartedAt: z.number(),
});

const diskSchema = z.record(z.string(), z.object({ fs: z.nullable(fs), imageFs: z.nullable(fs), at: z.number() }));

export type StatusCache = z.infer<typeof cacheSchema>;
/** Node name → its filesystems as last read from its kubelet. */
export type DiskCache = z.infer<typeof diskSchema>;
export type CachedDisk = DiskCache[string];

export const EMPTY_CACHE: StatusCache = { version: 1, savedAt: 0, data: null, trend: [], diskRefreshStartedAt: 0 };

export function cacheDir(env: NodeJS.ProcessEnv = process.env): string {
  return path.join(env.XDG_CACHE_HOME || path.join(homedir(), '.cache'), 'kmon');
}

/**
 * A file name for a context: the name itself when it is safe as one, so a tmux.conf can name the
 * file --watch writes; otherwise the name made safe plus a hash, distinct for names that differ
 * only in odd characters (an EKS context is an ARN, full of : and /).
 */
export function contextFileBase(context: string): string {
  const safe = context.replace(/[^A-Za-z0-9._-]/g, '_').slice(0, 60);
  return safe === context ? safe : `${safe}-${hash(context)}`;
}

export function hash(text: string): string {
  let h = 0;
  for (const ch of text) h = (h * 31 + (ch.codePointAt(0) ?? 0)) >>> 0;
  return h.toString(36);
}

/**
 * Where one context's status files live; `tmux` and `text` hold ready-made lines from --watch,
 * `memory` the alerts and samples remembered between runs (status-memory.ts).
 */
export interface CacheFiles {
  readonly line: string;
  readonly disk: string;
  readonly tmux: string;
  readonly text: string;
  readonly memory: string;
}

/**
 * The figures are kept per context, server and user, so two clusters that share a context name
 * (two kubeconfigs, a context repointed) never show each other's figures; the ready-made lines of
 * --watch keep the context's name alone, for a tmux.conf to name.
 */
export function cacheFiles(dir: string, identity: { context: string; server: string; user: string }): CacheFiles {
  const base = path.join(dir, contextFileBase(identity.context));
  const figures = `${base}.${hash(`${identity.server}\n${identity.user}`)}`;
  return {
    line: `${figures}.json`,
    disk: `${figures}.disk.json`,
    memory: `${figures}.alerts.json`,
    tmux: `${base}.tmux`,
    text: `${base}.txt`,
  };
}

/** The file's content if it is there and has the expected shape, else `fallback`. */
function readJson<T>(file: string, schema: z.ZodMiniType<T>, fallback: T): T {
  try {
    const parsed = schema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    return parsed.success ? parsed.data : fallback;
  } catch {
    return fallback;
  }
}

export function readCache(file: string): StatusCache {
  return readJson(file, cacheSchema, EMPTY_CACHE);
}

export function readDiskCache(file: string): DiskCache {
  return readJson(file, diskSchema, {});
}

/** Written whole and renamed into place, so a tmux refresh never reads half a file. */
export function writeCache(file: string, cache: StatusCache | DiskCache): void {
  writeAtomically(file, JSON.stringify(cache));
}

export function writeAtomically(file: string, text: string): void {
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, text, { mode: 0o600 });
  renameSync(temp, file);
}

export function withData(cache: StatusCache, data: StatusData, now: number): StatusCache {
  return { ...cache, savedAt: now, data: { ...data, cpuTrend: [...data.cpuTrend], problems: [...data.problems] } };
}

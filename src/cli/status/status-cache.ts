import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import * as z from 'zod';
import type { StatusData } from '../../output/status-line.js';

// What `kmon status` remembers between runs, one file per context under $XDG_CACHE_HOME/kmon/:
// the last line's figures (shown, marked stale, when the cluster does not answer in time), the CPU
// trend for its sparkline, and disk figures, which cost a kubelet read per node to refresh.

const fs = z.object({ capacityBytes: z.number(), availableBytes: z.number().nullable(), usedBytes: z.number().nullable() });
const level = z.enum(['ok', 'warn', 'crit']);

const cacheSchema = z.object({
  version: z.literal(1),
  savedAt: z.number(),
  data: z
    .object({
      cluster: z.string(),
      ready: z.number(),
      total: z.number(),
      cpuPercent: z.number().nullable(),
      memoryPercent: z.number().nullable(),
      cpuTrend: z.array(z.number()),
      cpuLevel: level,
      memoryLevel: level,
      problems: z.array(z.object({ level, label: z.string(), node: z.string(), percent: z.number().nullable() })),
      staleMs: z.number().nullable(),
    })
    .nullable(),
  trend: z.array(z.object({ at: z.number(), cpu: z.number() })),
  disk: z.record(z.string(), z.object({ fs: fs.nullable(), imageFs: fs.nullable(), at: z.number() })),
  diskRefreshStartedAt: z.number(),
});

export type StatusCache = z.infer<typeof cacheSchema>;
export type CachedDisk = StatusCache['disk'][string];

export const EMPTY_CACHE: StatusCache = { version: 1, savedAt: 0, data: null, trend: [], disk: {}, diskRefreshStartedAt: 0 };

export function cacheDir(env: NodeJS.ProcessEnv = process.env): string {
  return path.join(env.XDG_CACHE_HOME || path.join(homedir(), '.cache'), 'kmon');
}

/** A file name for a context: readable, and distinct for names that differ only in odd characters. */
export function contextFileBase(context: string): string {
  let hash = 0;
  for (const ch of context) hash = (hash * 31 + (ch.codePointAt(0) ?? 0)) >>> 0;
  return `${context.replace(/[^A-Za-z0-9._-]/g, '_').slice(0, 60)}-${hash.toString(36)}`;
}

export function cachePath(dir: string, context: string): string {
  return path.join(dir, `${contextFileBase(context)}.json`);
}

/** The cache, or an empty one if there is none or it cannot be trusted. */
export function readCache(file: string): StatusCache {
  try {
    const parsed = cacheSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    return parsed.success ? parsed.data : EMPTY_CACHE;
  } catch {
    return EMPTY_CACHE;
  }
}

/** Written whole and renamed into place, so a tmux refresh never reads half a file. */
export function writeCache(file: string, cache: StatusCache): void {
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

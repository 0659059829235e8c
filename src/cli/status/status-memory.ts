import { readFileSync } from 'node:fs';
import * as z from 'zod/mini';
import { EMPTY_ALERTS } from '../../model/alerts.js';
import { NOTHING_REMEMBERED, type Remembered } from '../../model/one-shot-look.js';
import { writeAtomically } from './status-cache.js';

// What kmon status remembers of a cluster between runs, in a file of its own beside its line cache:
// the alerts' state (so each has an age) and each node's recent samples (so it has a trend).
// kmon check reads it too, and writes nothing. Kept per server, so a context pointed elsewhere
// (a new test cluster on another port) starts afresh.

const level = z.enum(['ok', 'warn', 'crit']);
const kind = z.enum(['cpu', 'memory', 'disk', 'image fs', 'full', 'oom', 'condition', 'pod', 'read']);
const target = z.object({
  kind: z.enum(['node', 'pod', 'cluster']),
  name: z.string(),
  namespace: z.optional(z.string()),
  uid: z.optional(z.string()),
});
const alert = z.object({
  key: z.string(),
  kind,
  target,
  level,
  message: z.string(),
  cleared: z.optional(z.string()),
  since: z.number(),
  fullInMs: z.nullable(z.number()),
});
// JSON has no NaN: an unknown figure is saved as null.
const sample = z.pipe(
  z.array(z.nullable(z.number())),
  z.transform((s) => s.map((v) => v ?? Number.NaN)),
);
const samples = z.record(z.string(), z.array(sample));

const schema = z.object({
  version: z.literal(1),
  server: z.string(),
  samples: z.object({ disk: samples, memory: samples }),
  alerts: z.object({
    at: z.nullable(z.number()),
    firing: z.array(alert),
    pending: z.array(z.object({ key: z.string(), since: z.number() })),
  }),
});

/** What earlier runs remembered of this server, or nothing (no file, another server, an unreadable file). */
export function readMemory(file: string, server: string): Remembered {
  try {
    const parsed = schema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    if (!parsed.success || parsed.data.server !== server) return NOTHING_REMEMBERED;
    return { samples: parsed.data.samples, alerts: { ...EMPTY_ALERTS, ...parsed.data.alerts } };
  } catch {
    return NOTHING_REMEMBERED;
  }
}

export function writeMemory(file: string, server: string, remembered: Remembered): void {
  const { at, firing, pending } = remembered.alerts;
  writeAtomically(file, JSON.stringify({ version: 1, server, samples: remembered.samples, alerts: { at, firing, pending } }));
}

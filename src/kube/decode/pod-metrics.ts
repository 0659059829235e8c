import { nanoToMilli, QuantityError, scaledCeil, unitValue } from '../../model/quantity.js';
import type { ContainerUsage, PodUsage } from '../../model/records.js';
import { safeText } from '../../model/safe-text.js';
import type { Decoded } from './decode-list.js';
import { intern } from './intern.js';

// metrics.k8s.io/v1beta1 PodMetrics, checked by hand rather than by a zod schema: a big cluster
// sends 150,000 of them in one list, and zod/mini took 220 ms of `kmon top pods -A`'s 1.6 s on
// them (this takes under 60 ms). The checks and the problems named are those a schema would give.
// The API has no pod total, so containers are summed here, in nanocores, and rounded up once, as
// kubectl sums exact quantities.

const NANO = 9;

type Fields = Readonly<Record<string, unknown>>;

class Invalid extends Error {}

/** Where a valid item's figures go: a PodUsage record, or a row of columns (PodUsageBuilder). */
export interface PodMetricsTarget {
  pod(namespace: string, name: string, cpuMilli: number, memoryBytes: number, timestamp: number): void;
  /** A container of the pod given last. */
  container(name: string, cpuMilli: number, memoryBytes: number): void;
}

function fields(value: unknown, path: string): Fields {
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Fields;
  throw new Invalid(`${path}: expected object`);
}

function string(value: unknown, path: string): string {
  if (typeof value === 'string') return value;
  throw new Invalid(`${path}: expected string`);
}

function quantity(value: unknown, path: string, read: (text: string) => number): number {
  try {
    return read(string(value, path));
  } catch (e) {
    if (e instanceof QuantityError) throw new Invalid(`${path}: not a Kubernetes quantity`);
    throw e;
  }
}

// Every pod of a node carries the same scrape time: parse each distinct one once.
let lastTime = '';
let lastMs = Number.NaN;

function time(value: unknown): number {
  if (typeof value !== 'string' || value === '') return Number.NaN;
  if (value !== lastTime) {
    lastTime = value;
    lastMs = Date.parse(value);
  }
  return lastMs;
}

// One item's containers, checked whole before any of them is handed on; reused from item to item.
const names: string[] = [];
const cpus: number[] = [];
const memories: number[] = [];

function readPod(raw: unknown, target: PodMetricsTarget): void {
  const item = fields(raw, 'item');
  const metadata = fields(item.metadata, 'metadata');
  const name = string(metadata.name, 'metadata.name');
  const namespace = string(metadata.namespace, 'metadata.namespace');
  const list = item.containers;
  if (!Array.isArray(list)) throw new Invalid('containers: expected array');
  let nanocores = 0;
  let memoryBytes = 0;
  names.length = cpus.length = memories.length = 0;
  for (let i = 0; i < list.length; i++) {
    const container = fields(list[i], `containers.${i}`);
    const usage = fields(container.usage, `containers.${i}.usage`);
    names.push(string(container.name, `containers.${i}.name`));
    const cpu = quantity(usage.cpu, `containers.${i}.usage.cpu`, (q) => scaledCeil(q, NANO));
    const memory = quantity(usage.memory, `containers.${i}.usage.memory`, unitValue);
    cpus.push(cpu);
    memories.push(memory);
    nanocores += cpu;
    memoryBytes += memory;
  }
  target.pod(intern(safeText(namespace)), safeText(name), nanoToMilli(nanocores), memoryBytes, time(item.timestamp));
  for (let i = 0; i < names.length; i++)
    target.container(intern(safeText(names[i] as string)), nanoToMilli(cpus[i] as number), memories[i] as number);
}

/** Checks one raw item and hands its figures to `target`; what is wrong with it, or null. */
export function addPodMetrics(raw: unknown, target: PodMetricsTarget): string | null {
  try {
    readPod(raw, target);
    return null;
  } catch (e) {
    if (e instanceof Invalid) return e.message;
    throw e;
  }
}

export function decodePodMetrics(raw: unknown): Decoded<PodUsage> {
  const made: PodUsage[] = [];
  const containers: ContainerUsage[] = [];
  const problem = addPodMetrics(raw, {
    pod: (namespace, name, cpuMilli, memoryBytes, timestamp) => {
      made.push({ namespace, name, cpuMilli, memoryBytes, timestamp, containers });
    },
    container: (name, cpuMilli, memoryBytes) => {
      containers.push({ name, cpuMilli, memoryBytes });
    },
  });
  const value = made[0];
  return value ? { ok: true, value } : { ok: false, problem: problem ?? 'item: expected object' };
}

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

function podUsage(raw: unknown): PodUsage {
  const item = fields(raw, 'item');
  const metadata = fields(item.metadata, 'metadata');
  const name = string(metadata.name, 'metadata.name');
  const namespace = string(metadata.namespace, 'metadata.namespace');
  const list = item.containers;
  if (!Array.isArray(list)) throw new Invalid('containers: expected array');
  let nanocores = 0;
  let memoryBytes = 0;
  const containers = list.map((entry: unknown, i): ContainerUsage => {
    const container = fields(entry, `containers.${i}`);
    const usage = fields(container.usage, `containers.${i}.usage`);
    const containerName = string(container.name, `containers.${i}.name`);
    const cpu = quantity(usage.cpu, `containers.${i}.usage.cpu`, (q) => scaledCeil(q, NANO));
    const memory = quantity(usage.memory, `containers.${i}.usage.memory`, unitValue);
    nanocores += cpu;
    memoryBytes += memory;
    return { name: intern(safeText(containerName)), cpuMilli: nanoToMilli(cpu), memoryBytes: memory };
  });
  return {
    namespace: intern(safeText(namespace)),
    name: safeText(name),
    cpuMilli: nanoToMilli(nanocores),
    memoryBytes,
    timestamp: time(item.timestamp),
    containers,
  };
}

export function decodePodMetrics(raw: unknown): Decoded<PodUsage> {
  try {
    return { ok: true, value: podUsage(raw) };
  } catch (e) {
    if (e instanceof Invalid) return { ok: false, problem: e.message };
    throw e;
  }
}

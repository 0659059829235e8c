import type { ChangeEvent, ObjectRef } from './timeline.js';
import { rfc3339 } from './wire-text.js';

export interface PresenceLayout {
  readonly nodeCount: number;
  readonly podCount: number;
  podHome(slot: number): { readonly node: number; readonly namespace: string };
}

const keyOf = (ref: ObjectRef) => (ref.kind === 'node' ? `n${ref.index}` : `p${ref.slot}`);

/**
 * What the `removed` fault has deleted: nodes with the pods on them (a scale-down), namespaces with
 * theirs. An object that comes back is a new object, as a re-registered node or a recreated pod is:
 * same name, new UID and creation time. Generation 0 is the object the layout made.
 */
export class Presence {
  private nodes: ReadonlySet<number> = new Set();
  private namespaces: ReadonlySet<string> = new Set();
  /** Per object, when each later generation was created. */
  private readonly births = new Map<string, number[]>();
  private updates = 0;

  /** Counts calls of update: anything derived from which objects exist is stale once it moves. */
  get revision(): number {
    return this.updates;
  }

  nodePresent(index: number): boolean {
    return !this.nodes.has(index);
  }

  podPresent(home: { readonly node: number; readonly namespace: string }): boolean {
    return !this.nodes.has(home.node) && !this.namespaces.has(home.namespace);
  }

  namespacePresent(name: string): boolean {
    return !this.namespaces.has(name);
  }

  generation(ref: ObjectRef): number {
    return this.births.get(keyOf(ref))?.length ?? 0;
  }

  /** Switches to a new set of removed objects at `now`; returns the DELETED and ADDED events that makes. */
  update(nodes: ReadonlySet<number>, namespaces: ReadonlySet<string>, now: number, layout: PresenceLayout): ChangeEvent[] {
    const refs: ObjectRef[] = [];
    for (let index = 0; index < layout.nodeCount; index++) refs.push({ kind: 'node', index });
    for (let slot = 0; slot < layout.podCount; slot++) refs.push({ kind: 'pod', slot });
    const present = (ref: ObjectRef) => (ref.kind === 'node' ? this.nodePresent(ref.index) : this.podPresent(layout.podHome(ref.slot)));
    const before = refs.map(present);
    this.updates++;
    this.nodes = new Set(nodes);
    this.namespaces = new Set(namespaces);
    const events: ChangeEvent[] = [];
    refs.forEach((ref, i) => {
      const after = present(ref);
      if (before[i] && !after) events.push({ type: 'DELETED', ref, renderAt: now, generation: this.generation(ref) });
      if (!before[i] && after) {
        const births = this.births.get(keyOf(ref)) ?? [];
        births.push(now);
        this.births.set(keyOf(ref), births);
        events.push({ type: 'ADDED', ref, renderAt: now });
      }
    });
    return events;
  }

  /** The object as generation `generation` of it: a UID of its own and its own creation time. */
  identify<T>(ref: ObjectRef, object: T, generation = this.generation(ref)): T {
    const bornAt = generation > 0 ? this.births.get(keyOf(ref))?.[generation - 1] : undefined;
    const metadata = (object as { metadata?: { uid?: unknown; creationTimestamp?: unknown } }).metadata;
    if (bornAt === undefined || !metadata || typeof metadata.uid !== 'string') return object;
    const tail = (Number.parseInt(metadata.uid.slice(-4), 16) + generation) & 0xffff;
    metadata.uid = `${metadata.uid.slice(0, -4)}${tail.toString(16).padStart(4, '0')}`;
    metadata.creationTimestamp = rfc3339(bornAt);
    return object;
  }
}

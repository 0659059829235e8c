export type ObjectRef = { readonly kind: 'node'; readonly index: number } | { readonly kind: 'pod'; readonly slot: number };

export type EventType = 'ADDED' | 'MODIFIED' | 'DELETED';

export interface ChangeEvent {
  readonly type: EventType;
  readonly ref: ObjectRef;
  /** The moment whose state the event carries (a deleted pod is shown just before it went). */
  readonly renderAt: number;
  /** Set on deletions made by a fault: which incarnation of the object went (see presence.ts). */
  readonly generation?: number;
}

/** One scheduled change; `order` breaks ties between changes at the same millisecond. */
export interface Change {
  readonly at: number;
  readonly order: number;
  readonly events: readonly ChangeEvent[];
}

export interface SimEvent extends ChangeEvent {
  readonly rv: number;
}

const refKey = (ref: ObjectRef) => (ref.kind === 'node' ? `n${ref.index}` : `p${ref.slot}`);

/**
 * Hands out resourceVersions as simulated time passes: every object change bumps the global
 * version, as etcd's revision does. Changes are applied in time order whatever the step between
 * advances, so the versions at a given time depend only on the seed and the clock. Only the last
 * `capacity` events are kept, like the apiserver's watch cache; older versions are "too old".
 */
export class Timeline {
  private time: number;
  private version: number;
  private oldest: number;
  private events: SimEvent[] = [];
  private readonly versions = new Map<string, number>();

  constructor(
    startedAt: number,
    startVersion: number,
    private readonly changesBetween: (from: number, to: number) => Change[],
    private readonly capacity = 4096,
  ) {
    this.time = startedAt;
    this.version = startVersion;
    this.oldest = startVersion;
  }

  get now(): number {
    return this.time;
  }

  get resourceVersion(): number {
    return this.version;
  }

  /** Moves simulated time forward (never back: a clock that steps back changes nothing). */
  advance(to: number): boolean {
    if (to <= this.time) return false;
    const changes = this.changesBetween(this.time, to).sort((a, b) => a.at - b.at || a.order - b.order);
    this.time = to;
    for (const change of changes) this.record(change.events);
    return changes.length > 0;
  }

  /** Events that happen now rather than on a schedule: a fault deleting or recreating objects. */
  record(events: readonly ChangeEvent[]): void {
    for (const event of events) {
      this.version++;
      this.versions.set(refKey(event.ref), this.version);
      this.events.push({ ...event, rv: this.version });
    }
    if (this.events.length > 2 * this.capacity) {
      const dropped = this.events.splice(0, this.events.length - this.capacity);
      this.oldest = dropped[dropped.length - 1]?.rv ?? this.oldest;
    }
  }

  /** The object's resourceVersion: its last change, or the one it had when the sim started. */
  objectVersion(ref: ObjectRef, initial: number): number {
    return this.versions.get(refKey(ref)) ?? initial;
  }

  /** Events after `after`, or 'expired' when some of them are no longer kept. */
  since(after: number): readonly SimEvent[] | 'expired' {
    if (after < this.oldest) return 'expired';
    let i = this.events.length;
    while (i > 0 && (this.events[i - 1]?.rv ?? 0) > after) i--;
    return this.events.slice(i);
  }
}

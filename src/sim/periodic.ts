/** One moment where a periodic behaviour changes state. */
export interface Edge {
  readonly at: number;
  /** Index into the schedule's edges. */
  readonly edge: number;
  readonly cycle: number;
}

/**
 * A behaviour that repeats every periodMs, changing state at fixed offsets into each cycle.
 * Times are whole milliseconds, so the state at an edge and the edge itself never disagree
 * through float rounding. edges[0] must be 0: every cycle starts with a change.
 */
export class Periodic {
  constructor(
    readonly periodMs: number,
    readonly originMs: number,
    readonly edges: readonly number[],
  ) {
    if (edges[0] !== 0) throw new Error('a periodic schedule starts each cycle with an edge at 0');
  }

  cycle(t: number): number {
    return Math.floor((t - this.originMs) / this.periodMs);
  }

  cycleStart(cycle: number): number {
    return this.originMs + cycle * this.periodMs;
  }

  /** Milliseconds since the current cycle began. */
  offset(t: number): number {
    return t - this.cycleStart(this.cycle(t));
  }

  /** Index of the edge most recently passed. */
  segment(t: number): number {
    const offset = this.offset(t);
    let segment = 0;
    this.edges.forEach((edge, i) => {
      if (edge <= offset) segment = i;
    });
    return segment;
  }

  /** When the current segment began. */
  segmentStart(t: number): number {
    return this.cycleStart(this.cycle(t)) + (this.edges[this.segment(t)] ?? 0);
  }

  /** Every edge with from < at <= to, in time order. */
  edgesIn(from: number, to: number): Edge[] {
    const out: Edge[] = [];
    for (let cycle = this.cycle(from); this.cycleStart(cycle) <= to; cycle++) {
      this.edges.forEach((offset, edge) => {
        const at = this.cycleStart(cycle) + offset;
        if (at > from && at <= to) out.push({ at, edge, cycle });
      });
    }
    return out;
  }
}

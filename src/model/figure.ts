import type { Level } from './levels.js';

/** A used amount against a total (allocatable, capacity, request or limit), with its alert level. */
export interface Figure {
  readonly used: number | null;
  readonly total: number | null;
  readonly percent: number | null;
  readonly level: Level;
}

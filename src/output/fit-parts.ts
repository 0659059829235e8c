import type { Level } from '../model/levels.js';
import type { Measure } from './text-width.js';

/** One piece of the status line, with what to do with it when the line is too long. */
export interface Part {
  readonly text: string;
  readonly level: Level;
  /** The lowest priority gives way first. */
  readonly priority: number;
  readonly dim?: boolean;
  /** A shorter text to fall back to before the part gives way altogether. */
  readonly compact?: string;
  /** Cut short rather than dropped: what the line must always say (which cluster, stale, the worst alert). */
  readonly keep?: boolean;
  /** Shown only beside the part before it, as a sparkline beside its figure. */
  readonly joins?: boolean;
  /** Says again what a more important part says (a second problem on a node already named). */
  readonly repeats?: boolean;
}

// A kept part is cut no shorter than this: room for a glyph, a space and the ellipsis.
const MIN_CUT = 3;

/** How a line is measured and how a cut shows: "…", or "~" where only ASCII will do. */
export interface Cutting {
  readonly measure: Measure;
  readonly ellipsis: string;
}

/** The text cut to `maxWidth` columns, ending in the ellipsis where it was cut. */
export function truncate(text: string, maxWidth: number, { measure, ellipsis }: Cutting): string {
  if (measure(text) <= maxWidth) return text;
  const chars = [...text];
  while (chars.length && measure(chars.join('')) > maxWidth - measure(ellipsis)) chars.pop();
  return `${chars.join('')}${ellipsis}`;
}

type Slots = (Part | null)[];

function lineWidth(slots: Slots, measure: Measure): number {
  const shown = slots.filter((p) => p !== null);
  return shown.reduce((n, p) => n + measure(p.text), Math.max(0, shown.length - 1));
}

/** The slot of the least important part among those `eligible`, or -1. */
function lowestSlot(slots: Slots, eligible: (p: Part) => boolean): number {
  let at = -1;
  slots.forEach((p, i) => {
    const best = slots[at];
    if (p && eligible(p) && (!best || p.priority < best.priority)) at = i;
  });
  return at;
}

/** The slots holding a part, least important first. */
function byPriority(slots: Slots): { part: Part; at: number }[] {
  return slots.flatMap((part, at) => (part ? [{ part, at }] : [])).sort((a, b) => a.part.priority - b.part.priority);
}

/** The parts that fit in `maxWidth` columns, joined by single spaces, in their original order. */
export function fitParts(list: readonly Part[], maxWidth: number, cutting: Cutting): Part[] {
  const { measure } = cutting;
  const slots: Slots = [...list];
  const over = () => lineWidth(slots, measure) - maxWidth;
  // Least important first: a part falls back to its shorter text, then goes, unless it is kept.
  for (let at = 0; over() > 0 && at >= 0; ) {
    at = lowestSlot(slots, (p) => p.compact !== undefined || !p.keep);
    const part = slots[at];
    if (part) slots[at] = part.compact === undefined ? null : { ...part, text: part.compact, compact: undefined };
  }
  // A part that went before a more important one shrank may fit in the room that left, but never
  // in place of a more important part left out: a figure must not stand where a problem could not.
  const dropped = list.map((part, at) => ({ part, at })).filter(({ at }) => slots[at] === null);
  for (const { part, at } of dropped.sort((a, b) => b.part.priority - a.part.priority)) {
    for (const text of [part.text, part.compact]) {
      if (text === undefined || slots[at] || (part.joins && !slots[at - 1])) continue;
      slots[at] = { ...part, text };
      if (over() > 0) slots[at] = null;
    }
    if (!slots[at] && !part.repeats && !part.joins) break;
  }
  // Kept parts are cut with "…", least important first.
  for (const { part, at } of byPriority(slots)) {
    const excess = over();
    if (excess <= 0) break;
    slots[at] = { ...part, text: truncate(part.text, Math.max(MIN_CUT, measure(part.text) - excess), cutting) };
  }
  // A line too narrow even for that keeps its most important part, cut to fit.
  for (const { at } of byPriority(slots).slice(0, -1)) if (over() > 0) slots[at] = null;
  const kept = slots.filter((p) => p !== null);
  const [only] = kept;
  if (only && over() > 0) kept[0] = { ...only, text: truncate(only.text, maxWidth, cutting) };
  return kept;
}

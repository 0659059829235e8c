// How far ahead in the previous list an item is looked for: deletions shift the rest.
const LOOK_AHEAD = 4;

/** Where an item was not in the previous list (at the same place, give or take a few deletions). */
export const NOT_CARRIED = -1;

/**
 * For each item, its index in `before` when the same object is there, near the same place; else
 * NOT_CARRIED. A watch replaces only the objects that changed and keeps the others in order, so at
 * 150,000 pods what was worked out for nearly every pod last time is found by position, without a
 * lookup by name or UID. A list in another order finds little, and callers look those items up.
 */
export function carriedOver<T>(items: readonly T[], before: readonly T[]): Int32Array {
  const at = new Int32Array(items.length);
  let j = 0;
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    let found = NOT_CARRIED;
    for (let k = Math.max(0, j - 1); k < j + LOOK_AHEAD && k < before.length; k++) {
      if (before[k] !== item) continue;
      found = k;
      break;
    }
    // Not found: most likely replaced in place by a newer object.
    j = found === NOT_CARRIED ? j + 1 : found + 1;
    at[i] = found;
  }
  return at;
}

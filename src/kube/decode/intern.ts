// JSON.parse makes a new string for every occurrence, so 150,000 pods carry 150,000 copies of
// "Running", of each namespace and of each node name. Values with few distinct spellings are
// shared through these pools instead; a pool is cleared if it ever grows past its bound.
const BOUND = 100_000;

function pool<T>(): (key: string, value: T) => T {
  const known = new Map<string, T>();
  return (key, value) => {
    const found = known.get(key);
    if (found !== undefined) return found;
    if (known.size >= BOUND) known.clear();
    known.set(key, value);
    return value;
  };
}

const strings = pool<string>();

export function intern(value: string): string {
  return strings(value, value);
}

// Lists are found by a hash of their JSON, not by the JSON itself: keeping tens of thousands of
// half-kilobyte keys would cost more than the sharing saves. Equal hashes are confirmed by content.
let lists = new Map<number, (readonly unknown[])[]>();
let listCount = 0;

function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

/**
 * One shared, frozen copy of equal lists: the replicas of a workload mostly have identical
 * containers (same names, resources, ready, no restarts), so thousands of pods share one list.
 */
export function internList<T>(list: readonly T[]): readonly T[] {
  if (list.length === 0) return EMPTY;
  const json = JSON.stringify(list);
  const hash = fnv1a(json);
  const bucket = lists.get(hash);
  const known = bucket?.find((candidate) => JSON.stringify(candidate) === json);
  if (known) return known as readonly T[];
  if (listCount >= BOUND) {
    lists = new Map();
    listCount = 0;
  }
  const frozen = Object.freeze(list);
  if (bucket) bucket.push(frozen);
  else lists.set(hash, [frozen]);
  listCount++;
  return frozen;
}

const EMPTY: readonly never[] = Object.freeze([]);

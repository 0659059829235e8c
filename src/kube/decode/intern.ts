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

const lists = pool<readonly unknown[]>();

/**
 * One shared, frozen copy of equal lists: the replicas of a workload mostly have identical
 * containers (same names, resources, ready, no restarts), so thousands of pods share one list.
 */
export function internList<T>(list: readonly T[]): readonly T[] {
  if (list.length === 0) return EMPTY;
  return lists(JSON.stringify(list), Object.freeze(list)) as readonly T[];
}

const EMPTY: readonly never[] = Object.freeze([]);

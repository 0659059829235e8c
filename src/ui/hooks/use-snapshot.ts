import { useEffect, useState } from 'react';
import type { Snapshot } from '../../model/snapshot.js';

export interface SnapshotSource {
  subscribe(listener: (snapshot: Snapshot) => void): () => void;
  latest(): Snapshot | null;
}

/** The newest snapshot from the collector; React only subscribes, it never polls. */
export function useSnapshot(source: SnapshotSource): Snapshot | null {
  const [snapshot, setSnapshot] = useState<Snapshot | null>(() => source.latest());
  useEffect(() => source.subscribe(setSnapshot), [source]);
  return snapshot;
}

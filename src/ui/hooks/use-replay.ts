import { useEffect, useState } from 'react';
import type { ReplayCommand, ReplayState } from '../../model/replay-state.js';

/** The player of a recording, as the screen sees it (collect/replay-source.ts is one). */
export interface ReplayControl {
  state(): ReplayState;
  onState(listener: () => void): () => void;
  command(command: ReplayCommand): void;
}

/** The replay's state, current as it plays, pauses and seeks; null for the live screen. */
export function useReplay(replay: ReplayControl | undefined): ReplayState | null {
  const [state, setState] = useState<ReplayState | null>(() => replay?.state() ?? null);
  useEffect(() => {
    if (!replay) return;
    setState(replay.state());
    return replay.onState(() => setState(replay.state()));
  }, [replay]);
  return state;
}

// What a replay is doing, for the screen to show and its keys to change (the player is
// collect/replay-source.ts).

export type ReplayCommand = 'pause' | 'back' | 'forward' | 'back-far' | 'forward-far' | 'start' | 'end';

export interface ReplayState {
  /** The recorded time of the frame shown. */
  readonly at: number;
  readonly start: number;
  readonly end: number;
  readonly paused: boolean;
  /** At the last frame: playing stops there. */
  readonly ended: boolean;
  /** The file ends mid-frame (or a frame is damaged): the replay is of the frames before. */
  readonly cutShort: boolean;
  /** Increases with every seek back: what was worked out from the frames after (alerts) starts again. */
  readonly epoch: number;
}

import { FrameDecoder } from '../model/frame-decoder.js';
import { HistoryStore } from '../model/history.js';
import { kubeletHistories } from '../model/kubelet-history.js';
import type { ReplayCommand, ReplayState } from '../model/replay-state.js';
import type { Histories, Snapshot } from '../model/snapshot.js';
import { HISTORY_DEPTH, type SnapshotListener } from './collector.js';
import { HistoryRecorder } from './history-recorder.js';
import { KubeletHistoryRecorder } from './kubelet-history-recorder.js';
import type { Recording } from './recording-file.js';

// A recording played back as the live collector's snapshots were: the same frames at the same
// pace, each rebuilt from the frames before it, and the histories recorded from them as the live
// screen recorded its own. Seeking back starts again from the first frame, so a chart after a
// seek is what it was at that time.

const MINUTE = 60_000;
// A gap in a recording (a laptop asleep) is not waited out whole.
const LONGEST_WAIT_MS = 60_000;

const SEEK: Readonly<Record<Exclude<ReplayCommand, 'pause'>, number>> = {
  back: -MINUTE,
  forward: MINUTE,
  'back-far': -10 * MINUTE,
  'forward-far': 10 * MINUTE,
  start: Number.NEGATIVE_INFINITY,
  end: Number.POSITIVE_INFINITY,
};

function histories(): Histories {
  return {
    nodeUsage: new HistoryStore({ seriesCount: 2, depth: HISTORY_DEPTH.nodes }),
    nodeDisk: new HistoryStore({ seriesCount: 3, depth: HISTORY_DEPTH.nodes }),
    podUsage: new HistoryStore({ seriesCount: 2, depth: HISTORY_DEPTH.pods }),
  };
}

export class ReplaySource {
  private readonly listeners = new Set<SnapshotListener>();
  private readonly stateListeners = new Set<() => void>();
  private decoder = new FrameDecoder();
  private history = histories();
  private recorder = new HistoryRecorder(this.history);
  private kubeletHistory = kubeletHistories(HISTORY_DEPTH);
  private kubeletRecorder = new KubeletHistoryRecorder(this.kubeletHistory);
  private index = -1;
  private current: Snapshot | null = null;
  private paused = false;
  private epoch = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private replayState: ReplayState;
  private usable: number;
  private damaged = false;

  constructor(private readonly recording: Recording) {
    const frames = recording.frames;
    this.usable = frames.length;
    this.replayState = this.stateNow(frames[0]?.t ?? 0);
  }

  subscribe(listener: SnapshotListener): () => void {
    this.listeners.add(listener);
    if (this.current) listener(this.current);
    return () => this.listeners.delete(listener);
  }

  latest(): Snapshot | null {
    return this.current;
  }

  state(): ReplayState {
    return this.replayState;
  }

  onState(listener: () => void): () => void {
    this.stateListeners.add(listener);
    return () => this.stateListeners.delete(listener);
  }

  /** Shows the first frame and plays from there. */
  start(): void {
    this.show(0);
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.paused = true;
  }

  command(command: ReplayCommand): void {
    if (command === 'pause') {
      this.paused = !this.paused;
      this.show(this.index);
      return;
    }
    const at = this.current?.takenAt ?? this.replayState.start;
    this.show(this.frameAt(at + SEEK[command]));
  }

  /** The last frame at or before `time`, or the first. */
  private frameAt(time: number): number {
    const frames = this.recording.frames;
    let lo = 0;
    let hi = this.usable - 1;
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      if ((frames[mid]?.t ?? 0) <= time) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** Brings the frames up to `target` (from the first again when it is behind), shows it and plays on. */
  private show(target: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (target < this.index) this.rewind();
    const frames = this.recording.frames;
    while (this.index < Math.min(target, this.usable - 1)) {
      const frame = frames[this.index + 1];
      if (!frame) break;
      try {
        this.current = this.decoder.apply(frame, this.history, this.kubeletHistory);
      } catch {
        // A frame that does not follow from those before (a damaged file): the replay ends before it.
        this.usable = this.index + 1;
        this.damaged = true;
        break;
      }
      this.index++;
      this.recorder.record(this.current);
      this.recordKubelet(this.current);
    }
    const last = this.index >= this.usable - 1;
    this.replayState = this.stateNow(this.current?.takenAt ?? 0, last);
    if (this.current) for (const listener of this.listeners) listener(this.current);
    for (const listener of this.stateListeners) listener();
    if (!this.paused && !last) {
      const wait = (frames[this.index + 1]?.t ?? 0) - (this.current?.takenAt ?? 0);
      this.timer = setTimeout(() => this.show(this.index + 1), Math.min(LONGEST_WAIT_MS, Math.max(0, wait)));
    }
  }

  private recordKubelet(snapshot: Snapshot): void {
    const { seq, nodes, pods, summaries } = snapshot;
    this.kubeletRecorder.record({ seq, nodes, pods, summaries, throttling: snapshot.kubelet?.throttling ?? new Map() });
  }

  private rewind(): void {
    this.decoder = new FrameDecoder();
    this.history = histories();
    this.recorder = new HistoryRecorder(this.history);
    this.kubeletHistory = kubeletHistories(HISTORY_DEPTH);
    this.kubeletRecorder = new KubeletHistoryRecorder(this.kubeletHistory);
    this.index = -1;
    this.epoch++;
  }

  private stateNow(at: number, ended = false): ReplayState {
    const frames = this.recording.frames;
    return {
      at,
      start: frames[0]?.t ?? 0,
      end: frames[this.usable - 1]?.t ?? 0,
      paused: this.paused || ended,
      ended,
      cutShort: this.recording.cutShort || this.damaged,
      epoch: this.epoch,
    };
  }
}

// npm run bench: every benchmark in turn, each printing its own table. They print figures; none
// passes or fails. KMON_BENCH_ONLY=status|top|live|idle|hostile|fleet|record runs one; KMON_BENCH_HEAP=small
// or default holds the live screen's heap at one setting (it is small until the pods are many), to show the trade.
import { benchFleet } from './fleet-runs.js';
import { benchHostile } from './hostile-runs.js';
import { benchIdle } from './idle-runs.js';
import { benchRecording } from './recording-runs.js';
import { benchLive } from './scale-live-runs.js';
import { benchTopPods } from './scale-top.js';

const STEPS: Record<string, () => Promise<unknown>> = {
  status: () => import('./status.js'),
  top: benchTopPods,
  live: benchLive,
  idle: benchIdle,
  hostile: benchHostile,
  fleet: benchFleet,
  record: benchRecording,
};

const only = process.env.KMON_BENCH_ONLY;
for (const [name, step] of Object.entries(STEPS)) if (!only || only === name) await step();

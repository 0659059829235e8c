import { useEffect, useState } from 'react';

// Ink redraws the whole screen for any change, so a clock ticking every second costs a full frame
// a second, which is most of what an idle screen spends (measured: 84 frames and 3.5% of a core a
// minute at 120×32). Ages and the clock move with the data instead: each snapshot brings the time it
// was taken, and only while none comes does the clock tick, every few seconds.
const IDLE_TICK_MS = 5_000;

/**
 * The time to show: the newer of the latest snapshot's and the last tick's. Ticks come a while
 * after the last snapshot or tick, so a screen polled every 5 s draws one frame per poll, not two.
 */
export function useNow(latest: { readonly takenAt: number; readonly intervalMs: number } | null, idleTickMs = IDLE_TICK_MS): number {
  const [ticked, setTicked] = useState(Date.now);
  const takenAt = latest?.takenAt ?? 0;
  // Polls about as often as the tick would come make it needless: it waits out a late poll instead.
  const interval = latest?.intervalMs ?? Number.POSITIVE_INFINITY;
  const tickMs = interval <= idleTickMs + 1_000 ? interval + 1_000 : idleTickMs;
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout>;
    const tick = (delay: number) => {
      timer = setTimeout(() => {
        setTicked(Date.now());
        tick(tickMs);
      }, delay);
    };
    tick(Math.max(0, takenAt + tickMs - Date.now()));
    return () => clearTimeout(timer);
  }, [tickMs, takenAt]);
  return Math.max(ticked, takenAt);
}

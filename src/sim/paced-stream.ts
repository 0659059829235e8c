import { Transform } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';

const TICK_MS = 100;

/**
 * A pass-through that lets bytes out at a steady rate, in small slices about every tenth of a
 * second, so a slow answer is slow without ever going quiet. Slices are due on a schedule, so
 * timer lateness is made up and the rate is the one asked; after the source itself was slow, the
 * schedule restarts rather than sending a burst.
 */
export function pacedStream(bytesPerSecond: number): Transform {
  const slice = Math.max(1, Math.floor((bytesPerSecond * TICK_MS) / 1000));
  const sliceMs = (slice * 1000) / bytesPerSecond;
  let due: number | null = null;
  const stream = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      const send = async () => {
        for (let at = 0; at < chunk.length && !stream.destroyed; at += slice) {
          const now = Date.now();
          if (due === null || due < now - sliceMs) due = now;
          if (due > now) await sleep(due - now);
          due += sliceMs;
          stream.push(chunk.subarray(at, at + slice));
        }
      };
      send().then(() => done(), done);
    },
  });
  return stream;
}

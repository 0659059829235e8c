// Runs this process's clock `speed` times faster than the wall's: Date.now and every timer, so an
// hour of a program that lives by both passes in minutes. Sockets and CPU stay real, so the work
// done per simulated second is the same, only denser. Processes that share `epoch` agree on the time.

export function warpTime(speed: number, epoch: number): void {
  const realNow = Date.now.bind(Date);
  const realSetTimeout = globalThis.setTimeout;
  const realSetInterval = globalThis.setInterval;
  Date.now = () => epoch + (realNow() - epoch) * speed;
  globalThis.setTimeout = ((fn: (...args: unknown[]) => void, ms?: number, ...args: unknown[]) =>
    realSetTimeout(fn, (ms ?? 0) / speed, ...args)) as typeof setTimeout;
  globalThis.setInterval = ((fn: (...args: unknown[]) => void, ms?: number, ...args: unknown[]) =>
    realSetInterval(fn, (ms ?? 0) / speed, ...args)) as typeof setInterval;
}

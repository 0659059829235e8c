import { setMaxListeners } from 'node:events';

/**
 * One AbortController for every request a component has in flight (up to its concurrency limit),
 * so stopping it cancels them all. Each request listens on the signal while it runs; Node's default
 * of 10 listeners would report a leak that is not one.
 */
export function sharedAbort(): AbortController {
  const controller = new AbortController();
  setMaxListeners(1000, controller.signal);
  return controller;
}

import { ListQueryError } from './list-query.js';
import type { WatchOptions } from './watch-stream.js';

export function isWatch(query: URLSearchParams): boolean {
  const watch = query.get('watch');
  return watch === '1' || watch === 'true';
}

/** ?resourceVersion=&allowWatchBookmarks=&timeoutSeconds=&sendInitialEvents= of a watch request. */
export function watchOptions(query: URLSearchParams): WatchOptions {
  const rvText = query.get('resourceVersion') ?? '';
  const rv = rvText === '' || rvText === '0' ? null : Number(rvText);
  if (rv !== null && !Number.isInteger(rv)) throw new ListQueryError(`invalid resource version: ${rvText}`);
  const timeoutText = query.get('timeoutSeconds');
  const timeoutSeconds = timeoutText === null ? null : Number(timeoutText);
  if (timeoutSeconds !== null && !(timeoutSeconds >= 0)) throw new ListQueryError(`invalid timeoutSeconds: ${timeoutText}`);
  const sendInitialEvents = query.get('sendInitialEvents') === 'true';
  return {
    // A streaming list starts from a fresh snapshot whatever version was named.
    resourceVersion: sendInitialEvents ? null : rv,
    sendInitialEvents,
    bookmarks: query.get('allowWatchBookmarks') === 'true',
    // Without a timeout the apiserver picks one between --min-request-timeout (30m) and twice it.
    timeoutMs: timeoutSeconds === null || timeoutSeconds === 0 ? 1_800_000 * (1 + Math.random()) : timeoutSeconds * 1000,
  };
}

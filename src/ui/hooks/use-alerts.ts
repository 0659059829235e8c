import { useMemo } from 'react';
import { type AlertState, EMPTY_ALERTS } from '../../model/alerts.js';
import type { Snapshot } from '../../model/snapshot.js';
import type { Thresholds } from '../../model/thresholds.js';
import { AlertBook, type BuiltRows } from '../alert-book.js';

/**
 * The alert state for the frame on screen. Every live snapshot moves the book on, paused or not,
 * so nothing is missed while the frame is frozen; the rows built for the frame on screen are
 * reused when it is the live one.
 */
export interface BookChoice {
  /** A fleet keeps each cluster's book for the whole run, so opening a cluster does not start one afresh. */
  readonly kept?: AlertBook;
  /** A replay that seeks back starts a fresh book: alerts of the frames ahead are not yet. */
  readonly epoch?: number;
}

export function useAlerts(
  live: Snapshot | null,
  shown: Snapshot | null,
  built: BuiltRows,
  thresholds: Thresholds,
  { kept, epoch = 0 }: BookChoice = {},
): AlertState {
  // biome-ignore lint/correctness/useExhaustiveDependencies: epoch is why the book starts afresh
  const book = useMemo(() => kept ?? new AlertBook(thresholds), [kept, thresholds, epoch]);
  // Observing is idempotent per snapshot, so a render run twice does not step twice.
  const latest = useMemo(() => (live ? book.observe(live, live === shown ? built : null) : EMPTY_ALERTS), [book, live, shown, built]);
  return shown && shown !== live ? book.at(shown) : latest;
}

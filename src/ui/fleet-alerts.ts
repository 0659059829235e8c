import type { Snapshot } from '../model/snapshot.js';
import type { Thresholds } from '../model/thresholds.js';
import { AlertBook } from './alert-book.js';

/** A cluster's latest snapshot, as a fleet's member gives it. */
interface Member {
  readonly context: string;
  readonly collector: { latest(): Snapshot | null } | null;
}

/**
 * An alert book per cluster for the whole run, moved on by every snapshot of every cluster whether
 * its screen is open or not: a fleet row counts what the cluster's own header would, and opening a
 * cluster shows alerts with their true ages and its events log, not a book begun that moment.
 */
export class FleetAlerts {
  private readonly books = new Map<string, AlertBook>();

  constructor(private readonly thresholds: Thresholds) {}

  book(context: string): AlertBook {
    const known = this.books.get(context);
    if (known) return known;
    const book = new AlertBook(this.thresholds);
    this.books.set(context, book);
    return book;
  }

  /** Each cluster's book moved on by its latest snapshot; a snapshot already seen changes nothing. */
  observe(members: readonly Member[]): void {
    for (const m of members) {
      const snapshot = m.collector?.latest();
      if (snapshot) this.book(m.context).observe(snapshot, null);
    }
  }
}

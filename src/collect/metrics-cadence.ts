/**
 * When metrics-server will next have something new. It scrapes every 15 s or more (its
 * --metric-resolution) while kmon polls every 5 s, so two polls in three would fetch the same 50 MB
 * pod list again at 150,000 pods. The period is learnt from when new samples show up (by our clock,
 * so clock skew with the cluster does not matter) and errs short: at worst kmon fetches early.
 */
export class MetricsCadence {
  private newest = Number.NEGATIVE_INFINITY;
  private freshAt: number | null = null;
  private period: number | null = null;

  /** After a fetch: the newest sample time it carried, and when it was fetched. */
  observe(newestSample: number, now: number): void {
    if (!(newestSample > this.newest)) return;
    if (this.freshAt !== null) {
      const gap = now - this.freshAt;
      this.period = this.period === null ? gap : Math.min(this.period, gap);
    }
    this.newest = newestSample;
    this.freshAt = now;
  }

  /** Whether a fetch now could find newer samples; `intervalMs` is the poll interval. */
  due(now: number, intervalMs: number): boolean {
    if (this.period === null || this.freshAt === null) return true;
    return now >= this.freshAt + this.period - intervalMs / 2;
  }
}

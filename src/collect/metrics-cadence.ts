/**
 * When metrics-server will next have something new. It scrapes every 15 s or more (its
 * --metric-resolution) while kmon polls every 5 s, so two polls in three would fetch the same 50 MB
 * pod list again at 150,000 pods. The period is learnt from when new samples show up (by our clock,
 * so clock skew with the cluster does not matter) and errs short: at worst kmon fetches early.
 * Until then the scrape window metrics-server reports stands in for it, so the first polls (while
 * a big cluster's pod list is still arriving) do not fetch the same samples again and again.
 */
export class MetricsCadence {
  private newest = Number.NEGATIVE_INFINITY;
  private freshAt: number | null = null;
  private period: number | null = null;
  private window: number | null = null;

  /** After a fetch: the newest sample time it carried, when it was fetched, and the shortest scrape window in it. */
  observe(newestSample: number, now: number, windowMs: number | null = null): void {
    if (windowMs !== null && windowMs > 0) this.window = Math.min(this.window ?? windowMs, windowMs);
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
    // Gaps are seen at poll times, so a 15 s scrape polled every 5 s can look like 20 s; the
    // window metrics-server reports (the time between its own scrapes) caps what was learnt.
    const period = this.period !== null && this.window !== null ? Math.min(this.period, this.window) : (this.period ?? this.window);
    if (period === null || this.freshAt === null) return true;
    return now >= this.freshAt + period - intervalMs / 2;
  }
}

/**
 * Requests-per-second budget with a burst allowance (the shape of client-go's QPS/Burst), so a first
 * sweep of a small cluster is immediate while a large one is spread out at `ratePerSecond`.
 */
export class TokenBucket {
  private tokens: number;
  private updatedAt: number;

  constructor(
    readonly ratePerSecond: number,
    private readonly burst: number,
    private readonly now: () => number = Date.now,
  ) {
    this.tokens = burst;
    this.updatedAt = now();
  }

  /** Takes a token if one is available; otherwise returns how long until one is, in ms. */
  tryTake(): number {
    const wait = this.waitMs();
    if (wait === 0) this.tokens -= 1;
    return wait;
  }

  /**
   * Takes a token whether or not one is there, going into debt if need be: a reader that paces
   * itself within a share of the rate still counts against it, and the others wait out the debt.
   */
  take(): void {
    this.refill();
    this.tokens -= 1;
  }

  /** How long until a token is available, in ms (0: one is now); takes none. */
  waitMs(): number {
    this.refill();
    return this.tokens >= 1 ? 0 : Math.ceil(((1 - this.tokens) / this.ratePerSecond) * 1000);
  }

  private refill(): void {
    const now = this.now();
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.updatedAt) / 1000) * this.ratePerSecond);
    this.updatedAt = now;
  }
}

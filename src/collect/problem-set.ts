import type { Problem } from '../model/problems.js';

/** Current problems by key; a problem that persists keeps the time it was first seen. */
export class ProblemSet {
  private readonly current = new Map<string, Problem>();

  set(key: string, problem: Omit<Problem, 'since'>, now: number): void {
    const previous = this.current.get(key);
    const since = previous && previous.kind === problem.kind ? previous.since : now;
    this.current.set(key, { ...problem, since });
  }

  clear(key: string): void {
    this.current.delete(key);
  }

  /** Drops problems whose key fails the test (e.g. nodes that no longer exist). */
  retain(keep: (key: string) => boolean): void {
    for (const key of this.current.keys()) if (!keep(key)) this.current.delete(key);
  }

  list(): Problem[] {
    return [...this.current.values()];
  }
}

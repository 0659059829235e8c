import type * as z from 'zod/mini';

export interface DecodedList<T> {
  readonly items: T[];
  /** Items that failed validation and were left out; the first reason is kept for the frame. */
  readonly skipped: number;
  readonly firstProblem: string | null;
}

export function issueText(error: z.core.$ZodError): string {
  const issue = error.issues[0];
  return issue ? `${issue.path.join('.') || 'item'}: ${issue.message}` : 'invalid';
}

/** Collects validated items; one bad item is skipped and counted instead of losing the whole list. */
export class ListCollector<T> {
  readonly items: T[] = [];
  private skipped = 0;
  private firstProblem: string | null = null;

  constructor(private readonly schema: z.ZodMiniType<T>) {}

  add = (raw: unknown): void => {
    const result = this.schema.safeParse(raw);
    if (result.success) {
      this.items.push(result.data);
      return;
    }
    this.skipped++;
    this.firstProblem ??= issueText(result.error);
  };

  result(): DecodedList<T> {
    return { items: this.items, skipped: this.skipped, firstProblem: this.firstProblem };
  }
}
